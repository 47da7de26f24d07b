import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Anything whose waiting / active / delayed / failed counts can be read (a BullMQ queue). */
export interface CountableQueue {
  name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/** The Prometheus metrics of a web or worker process, on their own registry (served at `/metrics`). */
export interface AppMetrics {
  registry: Registry;
  /** A delivery acknowledged (`queued`, `duplicate`) or processed (`new`, `skipped`, `failed`, `missing`), by event. */
  countDelivery(event: string, outcome: string): void;
  /** Time to process one delivery in a worker, in seconds. */
  observeProcessing(event: string, seconds: number): void;
  /** The API points an installation used and has left, from GitHub's `x-ratelimit-*` headers. */
  recordRateLimit(installationId: number, resource: string, used: number, remaining: number): void;
  /** A job found its installation's or repository's slot taken and went back to wait (moved to delayed). */
  countSlotWait(queue: string): void;
  /** A repository's backfill progress, 0–1. */
  setBackfillProgress(repository: string, fraction: number): void;
  /** Reports the depth of these queues whenever `/metrics` is scraped. */
  trackQueues(queues: readonly CountableQueue[]): void;
  /** Reports the dead letters (`dead`, `failed` deliveries) this reads whenever `/metrics` is scraped. */
  trackDeadLetters(read: () => Promise<{ dead: number; failed: number }>): void;
  /** Reports the dead backfill and digest jobs (by queue) this reads whenever `/metrics` is scraped. */
  trackDeadJobs(read: () => Promise<Record<string, number>>): void;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

/** Creates the metrics; `defaults` adds Node's process metrics (memory, event loop lag). */
export function createAppMetrics(options: { defaults?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'fallacy_watch_' });
  const deliveries = new Counter({
    name: 'fallacy_watch_deliveries_total',
    help: 'Webhook deliveries by event and outcome (queued, duplicate at the webhook; new, skipped, failed, missing in workers).',
    labelNames: ['event', 'outcome'],
    registers: [registry],
  });
  const processing = new Histogram({
    name: 'fallacy_watch_delivery_processing_seconds',
    help: 'Time to ingest a delivery and run its reactions, in seconds.',
    labelNames: ['event'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const pointsRemaining = new Gauge({
    name: 'fallacy_watch_api_points_remaining',
    help: 'GitHub API points an installation has left in the current window (x-ratelimit-remaining).',
    labelNames: ['installation', 'resource'],
    registers: [registry],
  });
  const pointsUsed = new Gauge({
    name: 'fallacy_watch_api_points_used',
    help: 'GitHub API points an installation used in the current window (x-ratelimit-used).',
    labelNames: ['installation', 'resource'],
    registers: [registry],
  });
  const backfill = new Gauge({
    name: 'fallacy_watch_backfill_progress_ratio',
    help: 'Share of a repository backfill done, 0–1.',
    labelNames: ['repository'],
    registers: [registry],
  });
  let tracked: readonly CountableQueue[] = [];
  new Gauge({
    name: 'fallacy_watch_queue_depth',
    help: 'Jobs in each queue by state.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of tracked) {
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });
  let readDeadLetters: (() => Promise<{ dead: number; failed: number }>) | undefined;
  new Gauge({
    name: 'fallacy_watch_dead_letters',
    help: 'Deliveries kept for an operator (`fallacy-watch deliveries dead`): dead (every attempt failed) and failed (payload never valid).',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!readDeadLetters) return;
      const counts = await readDeadLetters();
      this.set({ status: 'dead' }, counts.dead);
      this.set({ status: 'failed' }, counts.failed);
    },
  });
  const slotWaits = new Counter({
    name: 'fallacy_watch_slot_waits_total',
    help: 'Jobs that found their installation or repository slot taken and were put back to wait, by queue.',
    labelNames: ['queue'],
    registers: [registry],
  });
  let readDeadJobs: (() => Promise<Record<string, number>>) | undefined;
  new Gauge({
    name: 'fallacy_watch_dead_jobs',
    help: 'Backfill and digest jobs that used every attempt, kept for an operator (`fallacy-watch jobs dead`), by queue.',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      if (!readDeadJobs) return;
      for (const [queue, count] of Object.entries(await readDeadJobs())) this.set({ queue }, count);
    },
  });
  return {
    registry,
    countDelivery: (event, outcome) => deliveries.inc({ event, outcome }),
    observeProcessing: (event, seconds) => processing.observe({ event }, seconds),
    recordRateLimit: (installationId, resource, used, remaining) => {
      pointsRemaining.set({ installation: String(installationId), resource }, remaining);
      pointsUsed.set({ installation: String(installationId), resource }, used);
    },
    countSlotWait: (queue) => slotWaits.inc({ queue }),
    setBackfillProgress: (repository, fraction) => backfill.set({ repository }, fraction),
    trackQueues: (queues) => {
      tracked = queues;
    },
    trackDeadLetters: (read) => {
      readDeadLetters = read;
    },
    trackDeadJobs: (read) => {
      readDeadJobs = read;
    },
  };
}
