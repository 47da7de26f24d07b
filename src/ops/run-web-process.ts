import { enqueueInstallationBackfills } from '../queue/enqueue-installation-backfills.js';
import { countDeadJobs } from '../queue/dead-jobs.js';
import type { Logger } from 'pino';
import { type DeliveryContext, type DispatchDelivery, onAnyDelivery, describeDelivery } from '../handlers/on-any-delivery.js';
import { createBullDispatcher } from '../queue/create-bull-dispatcher.js';
import { createQueues, type Queues } from '../queue/create-queues.js';
import { createReactionRunner } from '../queue/create-reaction-runner.js';
import { createInProcessQueue, type InProcessQueue } from '../queue/in-process-queue.js';
import { createMemorySemaphore } from '../queue/memory-semaphore.js';
import { processQueuedDelivery } from '../queue/process-queued-delivery.js';
import { closeRedisConnection, createRedisConnection } from '../queue/redis-connection.js';
import { requeuePendingDeliveries } from '../queue/requeue-pending-deliveries.js';
import { loadWorkerHandlers, type WorkerHandlers } from '../queue/worker-handlers.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createAppMetrics } from './create-app-metrics.js';
import { createOpsHandler } from './create-ops-handler.js';
import { createProductionProbot } from './create-probot.js';
import { listen } from './listen.js';
import type { ProductionSettings } from './production-settings.js';
import { recoverMissedDeliveries } from './recover-missed-deliveries.js';
import { closeWithin } from './close-within.js';
import { createByteBudget } from './create-byte-budget.js';
import { createWebhookReceiver, type VerifiedDelivery } from './receive-webhook.js';
import { createSafeLog, describeFailure } from './safe-log.js';
import { RECOVERY_INTERVAL_MS, scheduleEvery, type Timers, systemTimers } from './schedule-every.js';
import { onAnyContext } from '../handlers/on-any-context.js';
import { receiveDelivery } from '../handlers/receive-delivery.js';

export interface WebProcess {
  port: number;
  mode: 'queue' | 'embedded';
  close(): Promise<void>;
}

export interface WebProcessOptions {
  /** Module exporting `createWorkerHandlers` (embedded mode runs reactions in this process). */
  handlersModule?: string;
  timers?: Timers;
}

/**
 * The web process: `/api/github/webhooks` (see {@link createWebhookReceiver}: signature verified while the body is read, within a budget of bytes in flight,
 * answered only once the delivery is recorded), `/healthz`, `/readyz`, `/metrics`. A delivery is recorded and queued, then answered: on BullMQ when
 * `REDIS_URL` is set (workers run elsewhere), else on an in-process queue with the reactions run here, and the
 * handlers' in-process work (the app's: the weekly digest schedule and the history import of new installations). On
 * start and every 15 minutes it asks GitHub to redeliver deliveries that failed and were never stored.
 */
export async function runWebProcess(settings: ProductionSettings, processLog: Logger, options: WebProcessOptions = {}): Promise<WebProcess> {
  const log = createSafeLog(processLog);
  const timers = options.timers ?? systemTimers;
  const metrics = createAppMetrics();
  const store = await openStore(settings.DATABASE_URL, {
    mirrorRepositories: settings.ACTIVITY_MIRROR_REPOSITORIES,
    ...(settings.DATABASE_SCHEMA ? { schema: settings.DATABASE_SCHEMA } : {}),
  });
  const probot = createProductionProbot(settings, log, metrics);
  metrics.trackDeadLetters(() => store.countDeadDeliveries());
  const now = () => new Date();
  const stops: Array<() => void> = [];
  let shuttingDown = false;
  let queues: Queues | undefined;
  let embedded: InProcessQueue | undefined;
  let inProcess: WorkerHandlers['inProcess'];
  let dispatch: DispatchDelivery;
  let quitRedis = async () => {};
  const checks: Record<string, () => Promise<unknown>> = { store: () => store.getDelivery('readiness-probe') };

  if (settings.REDIS_URL) {
    const connection = createRedisConnection(settings.REDIS_URL, log);
    const bull = createQueues(connection, settings.QUEUE_PREFIX);
    queues = bull;
    dispatch = createBullDispatcher(bull.deliveries);
    metrics.trackQueues([bull.deliveries, bull.backfills, bull.digests]);
    metrics.trackDeadJobs(() => countDeadJobs(bull));
    checks.redis = () => connection.ping();
    quitRedis = async () => {
      await closeRedisConnection(connection);
    };
    stops.push(scheduleEvery(() => requeuePendingDeliveries(store, bull.deliveries, log), settings.PENDING_SWEEP_MS, (error) => log.warn({ err: error }, 'pending sweep failed'), timers));
  } else {
    const started = await startEmbeddedQueue(settings, store, log, options.handlersModule, metrics);
    embedded = started.queue;
    inProcess = started.handlers.inProcess;
    dispatch = embedded.dispatch;
    for (const pending of await store.listPendingDeliveries(10_000)) await dispatch(describeDelivery(pending));
  }

  const acknowledge = async (context: DeliveryContext) => {
    const result = await onAnyDelivery(store, context, now, dispatch);
    metrics.countDelivery(context.name, result.outcome);
    if (queues && result.outcome === 'queued') await enqueueInstallationBackfills(queues.backfills, context);
  };
  // Queue mode: this process only records and queues, so a delivery does not go through Probot, which builds an
  // installation Octokit for every event (about a sixth of this process's CPU a delivery). Embedded mode: the handlers'
  // in-process work listens on Probot too, so every delivery goes through it.
  if (!queues) await probot.load((app) => onAnyContext(app, acknowledge));
  if (inProcess) {
    const work = inProcess(probot);
    stops.push(() => work.stop());
  }
  const webhooks = createWebhookReceiver({
    secret: settings.WEBHOOK_SECRET,
    budget: createByteBudget(settings.WEBHOOK_BYTES_IN_FLIGHT),
    deadlineMs: settings.ACK_DEADLINE_MS,
    log,
    receive: (delivery: VerifiedDelivery) => (queues ? acknowledge({ ...delivery, log }) : receiveDelivery(probot, delivery)),
  });
  const ops = createOpsHandler({ metrics, checks, isShuttingDown: () => shuttingDown });
  const server = await listen(settings.HOST, settings.PORT, (request, response) => {
    void (async () => {
      if ((request.url ?? '').split('?')[0] === settings.WEBHOOK_PATH) return webhooks(request, response);
      if (await ops(request, response)) return;
      if (!response.headersSent) response.writeHead(404).end();
    })().catch((error: unknown) => {
      log.error({ reason: describeFailure(error) }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  if (settings.RECOVERY_INTERVAL_MS > 0) {
    const recover = async () => {
      const result = await recoverMissedDeliveries(await probot.auth(), store, new Date(), log);
      log.info(result, 'missed-deliveries recovery done');
    };
    stops.push(scheduleEvery(recover, settings.RECOVERY_INTERVAL_MS || RECOVERY_INTERVAL_MS, (error) => log.warn({ err: error }, 'missed-deliveries recovery failed; next run tries again'), timers));
  }
  log.info({ port: server.port, mode: queues ? 'queue' : 'embedded', backend: store.backend }, 'web process listening');

  return {
    port: server.port,
    mode: queues ? 'queue' : 'embedded',
    close: () =>
      closeWithin(
        async () => {
          shuttingDown = true;
          for (const stop of stops) stop();
          await server.close();
          await embedded?.close();
          await queues?.close();
          await quitRedis();
          await store.close();
        },
        settings.SHUTDOWN_GRACE_MS,
        log,
        () => server.server.closeAllConnections(),
      ),
  };
}

async function startEmbeddedQueue(
  settings: ProductionSettings,
  store: Store,
  log: Logger,
  handlersModule: string | undefined,
  metrics: ReturnType<typeof createAppMetrics>,
): Promise<{ queue: InProcessQueue; handlers: WorkerHandlers }> {
  const handlers = await loadWorkerHandlers(handlersModule, { store, now: () => new Date(), log });
  const reactionsProbot = createProductionProbot(settings, log, metrics);
  if (handlers.reactions) await reactionsProbot.load(handlers.reactions);
  const reactions = handlers.reactions ? createReactionRunner(reactionsProbot) : undefined;
  const queue = createInProcessQueue({
    semaphore: createMemorySemaphore({ perInstallation: settings.PER_INSTALLATION_CONCURRENCY }),
    repositorySemaphore: createMemorySemaphore({ perInstallation: 1 }),
    concurrency: settings.WORKER_CONCURRENCY,
    log,
    process: async (ticket) => {
      const started = performance.now();
      const result = await processQueuedDelivery(store, ticket.deliveryId, reactions, log.child({ ...ticket }), settings.MAX_DELIVERY_ATTEMPTS);
      metrics.observeProcessing(ticket.event, (performance.now() - started) / 1_000);
      metrics.countDelivery(ticket.event, result.outcome);
    },
  });
  return { queue, handlers };
}
