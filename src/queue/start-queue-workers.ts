import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppMetrics } from '../ops/create-app-metrics.js';
import type { Store } from '../store/store.js';
import { slotKey } from './in-process-queue.js';
import type { InstallationSemaphore } from './installation-semaphore.js';
import type { OrgConfig } from '../config/org-config-schema.js';
import type { BackfillJobData, DeliveryJobData, DigestFanOutData, DigestJobData, OrgDigestJobData } from './job-data.js';
import type { DigestSchedule } from '../schedule/is-digest-due.js';
import {
  type InstalledOrganization,
  type InstalledRepository,
  keepRepositoryDigests,
  listOrganizations,
  planDigestJobs,
  planOrgDigestJobs,
} from './plan-digest-jobs.js';
import { processQueuedDelivery, type RunReactions } from './process-queued-delivery.js';
import { QUEUE_NAMES } from './queue-names.js';
import type { Queues } from './create-queues.js';
import { runWithInstallationSlot } from './run-with-installation-slot.js';

/** What the workers do with each kind of job; the parts not given are not run (their queue gets no worker). */
export interface WorkerServices {
  store: Store;
  log: Logger;
  metrics?: AppMetrics;
  /** Post-ingest reactions of a delivery (check runs, comments). */
  reactions?: RunReactions;
  /** Whether a delivery of this event and action has reactions; the others run without slots (default: all do). */
  reactsTo?: (event: string, action: string | undefined, ticket?: DeliveryJobData) => boolean;
  /** Backfills one repository, telling its progress (0–1). */
  runBackfill?: (job: BackfillJobData, onProgress: (fraction: number) => void) => Promise<void>;
  /** Publishes one repository's digest for one week (an idempotent upsert: find by marker). */
  runDigest?: (job: DigestJobData) => Promise<void>;
  /** Every repository the app is installed on (for the weekly fan-out). */
  listInstalledRepositories?: () => Promise<InstalledRepository[]>;
  /**
   * A repository's `digest` config (weekday, hour, timezone): the fan-out plans its digest only once it is due.
   * Absent, or resolving `undefined`: planned in the UTC week of the fan-out.
   */
  readDigestSchedule?: (repository: InstalledRepository) => Promise<DigestSchedule | undefined>;
  /**
   * An organisation's settings (`.github/fallacy-watch-org.yml`): the fan-out leaves out the repository digests of an
   * organisation that turned them off and plans its organisation digest once due. Absent: no organisation settings.
   */
  readOrgConfig?: (installationId: number, organization: string) => Promise<OrgConfig>;
  /** Publishes one organisation's digest for one week (an idempotent upsert: find by marker). */
  runOrgDigest?: (job: OrgDigestJobData) => Promise<void>;
  now?: () => Date;
  /** Attempts at one delivery before it is dead-lettered (default 8). */
  maxDeliveryAttempts?: number;
}

export interface QueueWorkerOptions {
  connection: Redis;
  queues: Queues;
  prefix: string;
  services: WorkerServices;
  /** Bounds each installation's running jobs across all workers. */
  semaphore: InstallationSemaphore;
  /**
   * One slot per repository (limit 1): a repository's deliveries run one at a time, so its reactions' upserts
   * (find the comment by marker, else create) never race into two comments. Without it, only installations are bounded.
   */
  repositorySemaphore?: InstallationSemaphore;
  /** Lease of a slot (ms). */
  leaseMs: number;
  /** Jobs each worker process runs at once, per queue (defaults: deliveries 8, backfills 2, digests 2). */
  concurrency?: Partial<Record<'deliveries' | 'backfills' | 'digests', number>>;
  /** BullMQ lock of a running job: a worker killed mid-job has its job taken back after about this long (ms, default 30 000). */
  lockDurationMs?: number;
}

export interface QueueWorkers {
  workers: Worker[];
  /**
   * Graceful shutdown: stops taking jobs and waits up to `graceMs` for those running to finish; any still running
   * then are abandoned to BullMQ's stalled-job check, which puts them back in the queue for another worker (their
   * deliveries stay pending in the store, so nothing is lost).
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts this process's BullMQ workers for the deliveries, backfills and digests queues. */
export function startQueueWorkers(options: QueueWorkerOptions): QueueWorkers {
  const { services, queues } = options;
  const now = services.now ?? (() => new Date());
  const lockDuration = options.lockDurationMs ?? 30_000;
  const common = { connection: options.connection, prefix: options.prefix, lockDuration, stalledInterval: lockDuration, maxStalledCount: 5 };
  const slot = { leaseMs: options.leaseMs, ...(services.metrics ? { onWait: services.metrics.countSlotWait } : {}) };
  const installationClaim = (key: string) => ({ semaphore: options.semaphore, key });
  const reacts = (data: DeliveryJobData) => services.reactions !== undefined && (services.reactsTo?.(data.event, data.action, data) ?? true);
  // A delivery without reactions only merges records (commutative, idempotent; PostgreSQL's row locks order writers
  // of one repository), so it takes no slot: slots bound what calls GitHub and keep one repository's upserts in order.
  const deliveryClaims = (data: DeliveryJobData) =>
    reacts(data)
      ? [
          installationClaim(slotKey(data)),
          ...(options.repositorySemaphore && data.repository ? [{ semaphore: options.repositorySemaphore, key: data.repository }] : []),
        ]
      : [];
  const workers: Worker[] = [];

  workers.push(
    new Worker<DeliveryJobData>(
      QUEUE_NAMES.deliveries,
      async (job: Job<DeliveryJobData>, token?: string) =>
        runWithInstallationSlot(job, token, deliveryClaims(job.data), slot, async () => {
          const { deliveryId, event, installationId, repository } = job.data;
          const log = services.log.child({ deliveryId, event, installationId, repository, attempt: job.attemptsMade + 1 });
          const started = performance.now();
          const reactions = reacts(job.data) ? services.reactions : undefined;
          const result = await processQueuedDelivery(services.store, deliveryId, reactions, log, services.maxDeliveryAttempts);
          services.metrics?.observeProcessing(event, (performance.now() - started) / 1_000);
          services.metrics?.countDelivery(event, result.outcome);
          log.info({ outcome: result.outcome, ms: Math.round(performance.now() - started) }, 'delivery processed');
          return result.outcome;
        }),
      { ...common, concurrency: options.concurrency?.deliveries ?? 8 },
    ),
  );

  const runBackfill = services.runBackfill;
  if (runBackfill) {
    workers.push(
      new Worker<BackfillJobData>(
        QUEUE_NAMES.backfills,
        async (job: Job<BackfillJobData>, token?: string) =>
          runWithInstallationSlot(job, token, [installationClaim(String(job.data.installationId))], slot, async () => {
            await runBackfill(job.data, (fraction) => {
              services.metrics?.setBackfillProgress(job.data.repository, fraction);
              void job.updateProgress(Math.round(fraction * 100));
            });
            services.metrics?.setBackfillProgress(job.data.repository, 1);
          }),
        { ...common, concurrency: options.concurrency?.backfills ?? 2 },
      ),
    );
  }

  /** Each organisation's settings, `null` where they cannot be read now (logged; its digests wait for the next fan-out). */
  const readOrganizations = async (repositories: readonly InstalledRepository[]): Promise<InstalledOrganization[]> => {
    const readOrgConfig = services.readOrgConfig;
    if (!readOrgConfig) return [];
    return Promise.all(
      listOrganizations(repositories).map(async ({ installationId, organization }) => {
        const config = await readOrgConfig(installationId, organization).catch((error: unknown) => {
          services.log.warn({ organization, err: error }, 'organisation config unreadable; its digests wait for the next fan-out');
          return null;
        });
        return { installationId, organization, config };
      }),
    );
  };

  const runDigest = services.runDigest;
  const listRepositories = services.listInstalledRepositories;
  if (runDigest && listRepositories) {
    workers.push(
      new Worker<DigestJobData | OrgDigestJobData | DigestFanOutData>(
        QUEUE_NAMES.digests,
        async (job: Job<DigestJobData | OrgDigestJobData | DigestFanOutData>, token?: string) => {
          const data = job.data;
          if (data.kind === 'fan-out') {
            const installed = await listRepositories();
            const organizations = await readOrganizations(installed);
            const repositories = keepRepositoryDigests(installed, organizations);
            const readSchedule = services.readDigestSchedule;
            const scheduled = readSchedule
              ? await Promise.all(
                  repositories.map(async (repository) => {
                    const schedule = await readSchedule(repository).catch((error: unknown) => {
                      services.log.warn({ repository: repository.fullName, err: error }, 'digest config unreadable; its digest waits for the next fan-out');
                      return null;
                    });
                    return schedule === null ? undefined : { ...repository, ...(schedule ? { schedule } : {}) };
                  }),
                )
              : repositories;
            const planned = [
              ...planDigestJobs(scheduled.filter((r): r is InstalledRepository => r !== undefined), now()),
              ...(services.runOrgDigest ? planOrgDigestJobs(organizations, now()) : []),
            ];
            // A digest job is kept (completed) past its week, so an hourly fan-out never queues that week's twice.
            await queues.digests.addBulk(planned.map((p) => ({ name: 'digest', data: p.data, opts: { jobId: p.jobId, removeOnComplete: { age: 8 * 86_400 } } })));
            services.log.info({ repositories: planned.length }, 'weekly digests queued');
            return planned.length;
          }
          if (data.kind === 'organization') {
            const runOrgDigest = services.runOrgDigest;
            if (!runOrgDigest) return null;
            return runWithInstallationSlot(job, token, [installationClaim(String(data.installationId))], slot, async () => {
              await runOrgDigest(data);
              services.log.info({ installationId: data.installationId, organization: data.organization, week: data.week }, 'organisation digest published');
              return data.week;
            });
          }
          return runWithInstallationSlot(job, token, [installationClaim(String(data.installationId))], slot, async () => {
            await runDigest(data);
            services.log.info({ installationId: data.installationId, repository: data.repository, week: data.week }, 'digest published');
            return data.week;
          });
        },
        { ...common, concurrency: options.concurrency?.digests ?? 2 },
      ),
    );
  }

  for (const worker of workers) {
    worker.on('failed', (job, error) => {
      services.log.warn({ queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error }, 'job failed; BullMQ retries it with backoff');
    });
    worker.on('error', (error) => services.log.error({ queue: worker.name, err: error }, 'worker error'));
  }

  return {
    workers,
    close: async (graceMs = 25_000) => {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((worker) => worker.close()));
      const expired = new Promise<'expired'>((resolve) => {
        timer = setTimeout(() => resolve('expired'), graceMs);
      });
      const outcome = await Promise.race([graceful, expired]);
      clearTimeout(timer);
      if (outcome === 'expired') {
        services.log.warn('jobs still running at the end of the grace period are left to be requeued');
        await Promise.all(workers.map((worker) => worker.close(true)));
      }
    },
  };
}

/** The repeatable job id of the weekly fan-out: one scheduler, however many replicas upsert it. */
export const WEEKLY_DIGEST_SCHEDULER_ID = 'weekly-digest-fan-out';

/**
 * Upserts the digest fan-out (default: every hour on the hour, so each repository's `digest.weekday/hour/timezone`
 * is met within the hour). Every replica may call this on start: the scheduler id is fixed, so BullMQ keeps one
 * schedule; each run queues one job per repository whose digest is due, once per week (see {@link planDigestJobs}).
 */
export async function scheduleWeeklyDigest(queues: Queues, pattern = '0 * * * *', tz = 'UTC'): Promise<void> {
  await queues.digests.upsertJobScheduler(WEEKLY_DIGEST_SCHEDULER_ID, { pattern, tz }, { name: 'fan-out', data: { kind: 'fan-out' } });
}
