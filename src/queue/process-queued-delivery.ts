import { type IngestLog, type IngestResult, processDelivery } from '../ingest/ingest-delivery.js';
import { describeFailure } from '../ops/safe-log.js';
import type { RecordBatch } from '../ingest/record-batch.js';
import type { ApplyBatchOptions, Delivery, DeliveryStatus, Store } from '../store/store.js';

/**
 * What runs after a delivery's records are stored: the post-ingest reactions (check runs, PR comments). The worker
 * passes one that hands the delivery to the reaction handlers (`probot.receive`). They must be idempotent upserts
 * (find by hidden marker, edit only when changed): after a crash they run again.
 */
export type RunReactions = (delivery: Delivery, result: IngestResult) => Promise<void>;

/**
 * `missing`: no delivery with that id was recorded (a job outlived its row); `duplicate`: it was already finished;
 * `dead`: it used its last attempt and is kept as a dead letter.
 */
export type QueuedDeliveryOutcome = IngestResult['outcome'] | 'missing' | 'dead';

/** Attempts at processing one delivery, wherever they come from (queue retries, the pending sweep, restarts). */
export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 8;

export interface QueuedDeliveryResult {
  outcome: QueuedDeliveryOutcome;
}

/**
 * Processes one recorded delivery for a worker: exactly once in effect, whatever the queue redelivers.
 *
 * A delivery already finished changes nothing and runs no reaction (so a duplicate job posts no second comment).
 * A pending one is ingested, then its reactions run, and only then is it marked finished: the finish is held back
 * from {@link processDelivery} until the reactions succeed. A crash or a failed reaction leaves it pending; the retry
 * ingests again (idempotent) and runs the reactions again (idempotent upserts), then finishes it. Each run counts an
 * attempt in the store, whoever started it (a queue retry, the pending sweep, a restart): the one that fails at
 * `maxAttempts`, or any run past it, finishes the delivery as `dead` with its last reason instead.
 */
export async function processQueuedDelivery(
  store: Store,
  id: string,
  reactions: RunReactions | undefined,
  log: IngestLog,
  maxAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS,
): Promise<QueuedDeliveryResult> {
  const stored = await store.startDeliveryAttempt(id);
  if (!stored) {
    if (await store.getDelivery(id)) return { outcome: 'duplicate' };
    log.warn({ deliveryId: id }, 'queued delivery was never recorded; dropped');
    return { outcome: 'missing' };
  }
  const attempt = stored.attempts;
  if (attempt > maxAttempts) return bury(store, id, stored.error ?? `no attempt finished (${maxAttempts} started)`, attempt - 1, log);
  const delivery: Delivery = { id: stored.id, name: stored.name, payload: stored.payload };
  try {
    // With reactions to run, the finish waits for them; without, it is written with the records.
    const held = reactions ? holdFinish(store) : undefined;
    const result = await processDelivery(held?.store ?? store, delivery, log);
    if (result.outcome === 'new' && reactions) await reactions(delivery, result);
    await held?.release();
    return { outcome: result.outcome };
  } catch (error) {
    const reason = describeFailure(error);
    if (attempt >= maxAttempts) return bury(store, id, reason, attempt, log);
    await store.noteDeliveryFailure(id, reason).catch(() => undefined);
    throw error;
  }
}

/** Finishes a delivery as a dead letter, keeping its payload and reason for `fallacy-watch deliveries retry`. */
async function bury(store: Store, id: string, reason: string, attempts: number, log: IngestLog): Promise<QueuedDeliveryResult> {
  await store.finishDelivery(id, 'dead', reason);
  log.error({ deliveryId: id, attempts, reason }, 'delivery dead-lettered after its last attempt');
  return { outcome: 'dead' };
}

interface HeldFinish {
  /** The store, except that `finishDelivery` (or a finish folded into `applyBatch`) is recorded instead of written. */
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
      if (property === 'applyBatch') {
        return async (batch: RecordBatch, options: ApplyBatchOptions = {}) => {
          const result = await target.applyBatch(batch);
          if (options.finishDelivery !== undefined && result.skipped === undefined) finish = { id: options.finishDelivery, status: 'processed' };
          return result;
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
