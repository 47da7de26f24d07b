import type { Queue } from 'bullmq';
import { listRepositoriesToBackfill } from '../handlers/start-installation-backfill.js';
import type { BackfillJobData } from './job-data.js';

/**
 * In the scaled-out mode, an installation delivery that adds repositories queues one backfill job per repository for
 * the workers. The job id carries the delivery id, so a redelivered webhook queues nothing twice. Returns how many
 * jobs were queued.
 */
export async function enqueueInstallationBackfills(
  queue: Pick<Queue<BackfillJobData>, 'add'>,
  delivery: { id: string; name: string; payload: unknown },
): Promise<number> {
  const wanted = listRepositoriesToBackfill(delivery.name, delivery.payload);
  if (!wanted) return 0;
  for (const repository of wanted.repositories) {
    const data: BackfillJobData = { installationId: wanted.installationId, repository };
    await queue.add('backfill', data, { jobId: `backfill:${delivery.id}:${repository.replace(':', '-')}` });
  }
  return wanted.repositories.length;
}
