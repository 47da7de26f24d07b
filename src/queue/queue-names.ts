/** The BullMQ queues of the scaled-out mode. */
export const QUEUE_NAMES = {
  /** One job per webhook delivery; job id = `X-GitHub-Delivery`. */
  deliveries: 'fw-deliveries',
  /** One job per repository backfill; job id = `backfill-<installation>-<repo id or name>`. */
  backfills: 'fw-backfills',
  /** The weekly fan-out job and one job per repository per ISO week. */
  digests: 'fw-digests',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** The key prefix of every queue (`QUEUE_PREFIX`; tests and load runs isolate themselves with their own). */
export const DEFAULT_QUEUE_PREFIX = 'fallacy-watch';
