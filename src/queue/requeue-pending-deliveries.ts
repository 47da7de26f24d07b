import type { Queue } from 'bullmq';
import { describeDelivery } from '../handlers/on-any-delivery.js';
import type { IngestLog } from '../ingest/ingest-delivery.js';
import type { Store } from '../store/store.js';
import type { DeliveryJobData } from './job-data.js';

/**
 * Queues again the deliveries the store holds as pending but no live job carries: recorded while Redis was away,
 * or whose job failed every attempt. A job still waiting or running is left alone. Returns how many were queued.
 */
export async function requeuePendingDeliveries(store: Store, queue: Queue<DeliveryJobData>, log: IngestLog, limit = 1_000): Promise<number> {
  const pending = await store.listPendingDeliveries(limit);
  let requeued = 0;
  for (const delivery of pending) {
    const job = await queue.getJob(delivery.id);
    if (!job) {
      await queue.add('delivery', describeDelivery(delivery), { jobId: delivery.id });
      requeued += 1;
    } else if (await job.isFailed()) {
      await job.retry('failed');
      requeued += 1;
    } else if (await job.isCompleted()) {
      // Finished as a job yet pending in the store: the finish was lost; run it again under a fresh id.
      await job.remove();
      await queue.add('delivery', describeDelivery(delivery), { jobId: delivery.id });
      requeued += 1;
    }
  }
  if (requeued > 0) log.info({ requeued }, 'pending deliveries queued again');
  return requeued;
}
