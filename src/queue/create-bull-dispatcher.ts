import type { Queue } from 'bullmq';
import type { DispatchDelivery } from '../handlers/on-any-delivery.js';
import type { DeliveryJobData } from './job-data.js';

/**
 * Queues a recorded delivery on BullMQ with the delivery id as job id: a redelivery while the job exists (waiting,
 * running, or finished within three days) adds nothing. Gives up after `timeoutMs` (Redis away) so the webhook
 * answers 500 and GitHub marks the delivery failed; it stays pending in the store and the sweeper queues it later.
 */
export function createBullDispatcher(queue: Queue<DeliveryJobData>, timeoutMs = 5_000): DispatchDelivery {
  return async (ticket) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`queueing delivery ${ticket.deliveryId} timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([queue.add('delivery', ticket, { jobId: ticket.deliveryId }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
