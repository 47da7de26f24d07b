import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BackfillJobData, DeliveryJobData, DigestFanOutData, DigestJobData, OrgDigestJobData } from './job-data.js';
import { QUEUE_NAMES } from './queue-names.js';

/** The three queues of the scaled-out mode, on one Redis connection and key prefix. */
export interface Queues {
  deliveries: Queue<DeliveryJobData>;
  backfills: Queue<BackfillJobData>;
  digests: Queue<DigestJobData | OrgDigestJobData | DigestFanOutData>;
  close(): Promise<void>;
}

/**
 * Job defaults: retried with exponential backoff (a delivery stays pending in the store until it succeeds); finished
 * jobs are kept three days, so a redelivery of a delivery finished within that window is not queued twice.
 */
export const JOB_DEFAULTS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3 * 86_400, count: 100_000 },
  removeOnFail: { age: 14 * 86_400 },
} as const;

export function createQueues(connection: Redis, prefix: string): Queues {
  const options = { connection, prefix, defaultJobOptions: JOB_DEFAULTS };
  const deliveries = new Queue<DeliveryJobData>(QUEUE_NAMES.deliveries, options);
  const backfills = new Queue<BackfillJobData>(QUEUE_NAMES.backfills, options);
  const digests = new Queue<DigestJobData | OrgDigestJobData | DigestFanOutData>(QUEUE_NAMES.digests, options);
  return {
    deliveries,
    backfills,
    digests,
    close: async () => {
      await Promise.all([deliveries.close(), backfills.close(), digests.close()]);
    },
  };
}
