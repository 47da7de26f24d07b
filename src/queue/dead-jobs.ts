import type { Job, Queue } from 'bullmq';
import type { Queues } from './create-queues.js';

/** The queues whose jobs are dead-lettered in BullMQ itself (a delivery's dead letter is its row in the store). */
export const DEAD_JOB_QUEUES = ['backfills', 'digests'] as const;
export type DeadJobQueue = (typeof DEAD_JOB_QUEUES)[number];

/**
 * A backfill or digest job that used every attempt (`JOB_DEFAULTS.attempts`, exponential backoff): BullMQ keeps it
 * in its queue's failed set (14 days) with the last error, and nothing runs it again until an operator retries it
 * (a digest's job id is fixed per week, so the hourly fan-out does not queue that week's again).
 */
export interface DeadJob {
  queue: DeadJobQueue;
  id: string;
  /** `backfill`, `digest` (a repository's or an organisation's) or `fan-out`. */
  name: string;
  /** What it was about: `installation 7 owner/repo`, `installation 7 owner/repo 2026-W48`, `installation 7 org 2026-W48`. */
  subject: string;
  attempts: number;
  /** When its last attempt failed (ISO), if known. */
  failedAt: string | undefined;
  reason: string;
}

type AnyQueue = Pick<Queue, 'getFailed' | 'getFailedCount' | 'getJob'>;
type DeadJobSources = Record<DeadJobQueue, AnyQueue>;

/** The dead jobs of the backfills and digests queues, most recent failure first, at most `limit` of each queue. */
export async function listDeadJobs(queues: Pick<Queues, DeadJobQueue>, limit: number): Promise<DeadJob[]> {
  const sources: DeadJobSources = queues;
  const listed = await Promise.all(
    DEAD_JOB_QUEUES.map(async (queue) => {
      const jobs = await sources[queue].getFailed(0, limit - 1);
      return jobs.filter((job): job is Job => job !== undefined && job !== null).map((job) => describeDeadJob(queue, job));
    }),
  );
  return listed.flat().sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '') || a.id.localeCompare(b.id));
}

/** How many jobs each of the backfills and digests queues holds dead (for `/metrics`). */
export async function countDeadJobs(queues: Pick<Queues, DeadJobQueue>): Promise<Record<DeadJobQueue, number>> {
  const [backfills, digests] = await Promise.all([queues.backfills.getFailedCount(), queues.digests.getFailedCount()]);
  return { backfills, digests };
}

/**
 * Queues a dead job again with its attempts reset. Returns the queue it was found dead in, or `undefined` when no
 * queue holds a dead job of that id (never queued, already retried, or removed after 14 days).
 */
export async function retryDeadJob(queues: Pick<Queues, DeadJobQueue>, id: string): Promise<DeadJobQueue | undefined> {
  const sources: DeadJobSources = queues;
  for (const queue of DEAD_JOB_QUEUES) {
    const job = await sources[queue].getJob(id);
    if (!job || !(await job.isFailed())) continue;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return queue;
  }
  return undefined;
}

function describeDeadJob(queue: DeadJobQueue, job: Job): DeadJob {
  const data = (job.data ?? {}) as { kind?: string; installationId?: number; repository?: string; organization?: string; week?: string };
  const subject = [
    data.installationId === undefined ? undefined : `installation ${data.installationId}`,
    data.repository ?? data.organization,
    data.week,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  return {
    queue,
    id: String(job.id),
    name: data.kind === 'organization' ? 'org-digest' : job.name,
    subject: subject || (data.kind ?? ''),
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
    reason: job.failedReason ?? '',
  };
}
