import { type IngestLog, type IngestResult, processDelivery } from '../ingest/ingest-delivery.js';
import type { Delivery, DeliveryStatus, Store } from '../store/store.js';

/**
 * What runs after a delivery's records are stored: the post-ingest reactions (check runs, PR comments). The worker
 * passes one that hands the delivery to the reaction handlers (`probot.receive`). They must be idempotent upserts
 * (find by hidden marker, edit only when changed): after a crash they run again.
 */
export type RunReactions = (delivery: Delivery, result: IngestResult) => Promise<void>;

/** `missing`: no delivery with that id was recorded (a job outlived its row); `duplicate`: it was already finished. */
export type QueuedDeliveryOutcome = IngestResult['outcome'] | 'missing';

export interface QueuedDeliveryResult {
  outcome: QueuedDeliveryOutcome;
}

/**
 * Processes one recorded delivery for a worker: exactly once in effect, whatever the queue redelivers.
 *
 * A delivery already finished changes nothing and runs no reaction (so a duplicate job posts no second comment).
 * A pending one is ingested, then its reactions run, and only then is it marked finished: the finish is held back
 * from {@link processDelivery} until the reactions succeed. A crash or a failed reaction leaves it pending; the retry
 * ingests again (idempotent) and runs the reactions again (idempotent upserts), then finishes it.
 */
export async function processQueuedDelivery(store: Store, id: string, reactions: RunReactions | undefined, log: IngestLog): Promise<QueuedDeliveryResult> {
  const stored = await store.getDelivery(id);
  if (!stored) {
    log.warn({ deliveryId: id }, 'queued delivery was never recorded; dropped');
    return { outcome: 'missing' };
  }
  if (stored.status !== 'pending') return { outcome: 'duplicate' };
  const delivery: Delivery = { id: stored.id, name: stored.name, payload: stored.payload };
  const held = holdFinish(store);
  const result = await processDelivery(held.store, delivery, log);
  if (result.outcome === 'new' && reactions) await reactions(delivery, result);
  await held.release();
  return { outcome: result.outcome };
}

interface HeldFinish {
  /** The store, except that `finishDelivery` is recorded instead of written. */
  store: Store;
  /** Writes the finish held back, if any. */
  release(): Promise<void>;
}

function holdFinish(store: Store): HeldFinish {
  let finish: { id: string; status: Exclude<DeliveryStatus, 'pending'>; error?: string } | undefined;
  const held = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'finishDelivery') {
        return async (id: string, status: Exclude<DeliveryStatus, 'pending'>, error?: string) => {
          finish = { id, status, ...(error === undefined ? {} : { error }) };
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store: held,
    release: async () => {
      if (finish) await store.finishDelivery(finish.id, finish.status, finish.error);
    },
  };
}
