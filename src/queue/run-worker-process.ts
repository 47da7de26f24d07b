import type { Logger } from 'pino';
import { countDeadJobs } from './dead-jobs.js';
import { createAppMetrics } from '../ops/create-app-metrics.js';
import { createOpsHandler } from '../ops/create-ops-handler.js';
import { createProductionProbot } from '../ops/create-probot.js';
import { listen } from '../ops/listen.js';
import type { ProductionSettings } from '../ops/production-settings.js';
import { closeWithin } from '../ops/close-within.js';
import { createSafeLog } from '../ops/safe-log.js';
import { openStore } from '../store/open-store.js';
import { createBackfillRunner } from './create-backfill-runner.js';
import { createDigestScheduleReader } from './create-digest-schedule-reader.js';
import { createQueues } from './create-queues.js';
import { createReactionRunner } from './create-reaction-runner.js';
import { listInstalledRepositories } from './list-installed-repositories.js';
import { loadOrgConfig } from '../config/load-org-config.js';
import type { GitHubClient } from '../github/client.js';
import { closeRedisConnection, createRedisConnection } from './redis-connection.js';
import { createRedisSemaphore } from './redis-semaphore.js';
import { createRedisAreaChangeFeed } from './redis-area-change-feed.js';
import { scheduleWeeklyDigest, startQueueWorkers } from './start-queue-workers.js';
import { loadWorkerHandlers } from './worker-handlers.js';

export interface WorkerProcess {
  /** The port of `/healthz`, `/readyz` and `/metrics`. */
  port: number;
  /** Graceful shutdown: finishes running jobs within the grace period, leaves the rest to be requeued. */
  close(): Promise<void>;
}

/**
 * A worker process of the scaled-out mode: BullMQ workers for deliveries (ingest, then the reactions, exactly once
 * in effect), backfills and digests, each job inside one of its installation's slots (a Redis semaphore shared by
 * all workers), and the weekly digest schedule (upserted by every worker, kept once by BullMQ).
 */
export async function runWorkerProcess(settings: ProductionSettings, processLog: Logger, options: { handlersModule?: string } = {}): Promise<WorkerProcess> {
  const log = createSafeLog(processLog);
  if (!settings.REDIS_URL) throw new Error('the worker needs REDIS_URL (without it the web process runs the embedded queue itself)');
  const metrics = createAppMetrics();
  const store = await openStore(settings.DATABASE_URL, {
    mirrorRepositories: settings.ACTIVITY_MIRROR_REPOSITORIES,
    ...(settings.DATABASE_SCHEMA ? { schema: settings.DATABASE_SCHEMA } : {}),
  });
  const probot = createProductionProbot(settings, log, metrics);
  const connection = createRedisConnection(settings.REDIS_URL, log);
  // A push handled here drops the cached area sources of every worker, not just this one's.
  const areaChanges = createRedisAreaChangeFeed(connection, settings.QUEUE_PREFIX, log);
  const handlers = await loadWorkerHandlers(options.handlersModule, { store, now: () => new Date(), log, areaChanges });
  if (handlers.reactions) await probot.load(handlers.reactions);
  const runDigest = handlers.runDigest;
  const runOrgDigest = handlers.runOrgDigest;

  const queues = createQueues(connection, settings.QUEUE_PREFIX);
  metrics.trackQueues([queues.deliveries, queues.backfills, queues.digests]);
  metrics.trackDeadJobs(() => countDeadJobs(queues));
  metrics.trackDeadLetters(() => store.countDeadDeliveries());
  const workers = startQueueWorkers({
    connection,
    queues,
    prefix: settings.QUEUE_PREFIX,
    semaphore: createRedisSemaphore(connection, settings.QUEUE_PREFIX, { perInstallation: settings.PER_INSTALLATION_CONCURRENCY, leaseMs: settings.SLOT_LEASE_MS }),
    repositorySemaphore: createRedisSemaphore(connection, `${settings.QUEUE_PREFIX}:repository`, { perInstallation: 1, leaseMs: settings.SLOT_LEASE_MS }),
    leaseMs: settings.SLOT_LEASE_MS,
    lockDurationMs: settings.JOB_LOCK_MS,
    concurrency: { deliveries: settings.WORKER_CONCURRENCY },
    services: {
      store,
      log,
      metrics,
      maxDeliveryAttempts: settings.MAX_DELIVERY_ATTEMPTS,
      ...(handlers.reactions ? { reactions: createReactionRunner(probot) } : {}),
      ...(handlers.reactsTo ? { reactsTo: handlers.reactsTo } : {}),
      runBackfill: createBackfillRunner(probot, store),
      ...(runDigest ? { runDigest: async (job) => runDigest(job, await probot.auth(job.installationId)) } : {}),
      listInstalledRepositories: () => listInstalledRepositories(probot),
      readDigestSchedule: createDigestScheduleReader(probot, log),
      readOrgConfig: async (installationId, organization) => {
        const { config, errors } = await loadOrgConfig((await probot.auth(installationId)) as GitHubClient, organization);
        for (const problem of errors) log.warn({ organization, problem }, 'organisation config problem; using the defaults');
        return config;
      },
      ...(runOrgDigest ? { runOrgDigest: async (job) => runOrgDigest(job, (await probot.auth(job.installationId)) as GitHubClient) } : {}),
    },
  });
  if (runDigest) await scheduleWeeklyDigest(queues, settings.DIGEST_CRON);

  let shuttingDown = false;
  const ops = createOpsHandler({
    metrics,
    checks: { store: () => store.getDelivery('readiness-probe'), redis: () => connection.ping() },
    isShuttingDown: () => shuttingDown,
  });
  const server = await listen(settings.HOST, settings.METRICS_PORT, (request, response) => {
    void ops(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  log.info({ port: server.port, queues: workers.workers.map((w) => w.name) }, 'worker started');

  return {
    port: server.port,
    // Running jobs get most of the grace period; closing the connections gets the rest.
    close: () =>
      closeWithin(
        async () => {
          shuttingDown = true;
          await workers.close(Math.max(0, settings.SHUTDOWN_GRACE_MS - 2_000));
          await queues.close();
          await areaChanges.close();
          await closeRedisConnection(connection);
          await store.close();
          await server.close();
        },
        settings.SHUTDOWN_GRACE_MS,
        log,
        () => server.server.closeAllConnections(),
      ),
  };
}
