import type { DeliveryTicket, DispatchDelivery } from '../handlers/on-any-delivery.js';
import type { IngestLog } from '../ingest/ingest-delivery.js';
import type { InstallationSemaphore } from './installation-semaphore.js';
import { acquireAll, type SlotClaim } from './run-with-installation-slot.js';

export interface InProcessQueueOptions {
  /** Processes one delivery; a rejection is retried. */
  process: (ticket: DeliveryTicket) => Promise<void>;
  semaphore: InstallationSemaphore;
  /** One slot per repository (limit 1), so a repository's reactions never race; optional. */
  repositorySemaphore?: InstallationSemaphore;
  /** Deliveries processed at once (default 4). */
  concurrency?: number;
  /** Delays before the retries of a failed delivery, in ms (default 1 s, 5 s, 30 s); then it stays pending in the store. */
  retryDelays?: readonly number[];
  log: IngestLog;
}

export interface InProcessQueue {
  dispatch: DispatchDelivery;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Stops taking deliveries and waits for those running (queued ones stay pending in the store for the next start). */
  close(): Promise<void>;
}

/**
 * The embedded mode's queue (no `REDIS_URL`): the same guarantees in one process. A delivery is recorded before it
 * is queued, so one lost in a crash is still pending in the store and is queued again on start. A delivery id
 * already queued or running is not queued twice; per-installation slots bound each installation's share.
 */
export function createInProcessQueue(options: InProcessQueueOptions): InProcessQueue {
  const concurrency = options.concurrency ?? 4;
  const retryDelays = options.retryDelays ?? [1_000, 5_000, 30_000];
  const waiting: Array<{ ticket: DeliveryTicket; attempt: number }> = [];
  const known = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let running = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = () => {
    if (running === 0 && waiting.length === 0 && timers.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  let pumping = false;
  let pumpAgain = false;
  const pump = async (): Promise<void> => {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    do {
      pumpAgain = false;
      while (!closed && running < concurrency) {
        const index = await findRunnable();
        if (index === undefined) break;
        const [entry] = waiting.splice(index.position, 1);
        if (!entry) {
          await Promise.all(index.held.map(({ claim, lease }) => claim.semaphore.release(claim.key, lease)));
          break;
        }
        running += 1;
        void run(entry, index.held);
      }
    } while (pumpAgain);
    pumping = false;
    settleIdle();
  };

  const claimsOf = (ticket: DeliveryTicket): SlotClaim[] => [
    { semaphore: options.semaphore, key: slotKey(ticket) },
    ...(options.repositorySemaphore && ticket.repository ? [{ semaphore: options.repositorySemaphore, key: ticket.repository }] : []),
  ];
  type Held = NonNullable<Awaited<ReturnType<typeof acquireAll>>>;
  const findRunnable = async (): Promise<{ position: number; held: Held } | undefined> => {
    for (let position = 0; position < waiting.length; position += 1) {
      const held = await acquireAll(claimsOf(waiting[position]!.ticket));
      if (held) return { position, held };
    }
    return undefined;
  };

  const run = async (entry: { ticket: DeliveryTicket; attempt: number }, held: Held) => {
    try {
      await options.process(entry.ticket);
      known.delete(entry.ticket.deliveryId);
    } catch (error) {
      const delay = retryDelays[entry.attempt];
      if (delay === undefined || closed) {
        known.delete(entry.ticket.deliveryId);
        options.log.error({ err: error, deliveryId: entry.ticket.deliveryId }, 'delivery failed every attempt; left pending');
      } else {
        options.log.warn({ err: error, deliveryId: entry.ticket.deliveryId, retryInMs: delay }, 'delivery failed; will retry');
        const timer = setTimeout(() => {
          timers.delete(timer);
          waiting.push({ ticket: entry.ticket, attempt: entry.attempt + 1 });
          void pump();
        }, delay);
        timers.add(timer);
      }
    } finally {
      await Promise.all(held.map(({ claim, lease }) => claim.semaphore.release(claim.key, lease)));
      running -= 1;
      void pump();
    }
  };

  return {
    dispatch: async (ticket) => {
      if (closed) throw new Error('the queue is closed');
      if (known.has(ticket.deliveryId)) return;
      known.add(ticket.deliveryId);
      waiting.push({ ticket, attempt: 0 });
      void pump();
    },
    idle: () => new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      settleIdle();
    }),
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.length = 0;
      await new Promise<void>((resolve) => {
        const check = () => (running === 0 ? resolve() : setTimeout(check, 20));
        check();
      });
    },
  };
}

/** The semaphore key of a delivery: its installation, or `app` for app-level events. */
export function slotKey(ticket: { installationId: number | undefined }): string {
  return ticket.installationId === undefined ? 'app' : String(ticket.installationId);
}
