import type { Queue } from 'bullmq';
import { describeDelivery } from '../handlers/on-any-delivery.js';
import type { IngestLog } from '../ingest/ingest-delivery.js';
import type { Store } from '../store/store.js';
import type { DeliveryJobData } from './job-data.js';

/**
 * Queues again the deliveries the store holds as pending but no live job carries: recorded while Redis was away,
 * or whose job failed every attempt. A job still waiting or running is left alone. Returns how many were queued.
 * One Redis command a pending delivery (its job's state) when its job is live: behind a backlog every pending
 * delivery is looked at each sweep, so the look must be cheap.
 */
export async function requeuePendingDeliveries(store: Store, queue: Queue<DeliveryJobData>, log: IngestLog, limit = 1_000): Promise<number> {
  const pending = await store.listPendingDeliveries(limit);
  let requeued = 0;
  for (const delivery of pending) {
    const state = await queue.getJobState(delivery.id);
    if (state !== 'unknown' && state !== 'failed' && state !== 'completed') continue;
    const job = state === 'unknown' ? undefined : await queue.getJob(delivery.id);
    if (state === 'failed' && job) {
      await job.retry('failed');
    } else {
      // No job, or finished as a job yet pending in the store (the finish was lost): run it again.
      await job?.remove();
      await queue.add('delivery', describeDelivery(delivery), { jobId: delivery.id });
    }
    requeued += 1;
  }
  if (requeued > 0) log.info({ requeued }, 'pending deliveries queued again');
  return requeued;
}
