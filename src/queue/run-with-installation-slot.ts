import { DelayedError, type Job } from 'bullmq';
import type { InstallationSemaphore } from './installation-semaphore.js';

/** One slot a job needs: a semaphore and the key it is taken under. */
export interface SlotClaim {
  semaphore: InstallationSemaphore;
  key: string;
}

export interface SlotOptions {
  /** How long a lease lasts; it is renewed every third of that while the job runs. */
  leaseMs: number;
  /**
   * How long a job waits before trying again when a slot is taken (ms; default 250): a quarter of how long it has
   * been queued, at least this and at most `maxRetryDelayMs` (default 2 000), jittered. A job that has waited long
   * asks less often, so a backlog behind busy slots does not spin the workers and Redis.
   */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Told each time a job finds a slot taken and goes back to wait (for `/metrics`). */
  onWait?: (queue: string) => void;
}

/**
 * Runs a BullMQ job once it holds every slot it claims (its installation's, and for deliveries its repository's).
 * When one is taken, those already held are given back and the job is moved to the delayed set without counting an
 * attempt (BullMQ's `DelayedError`), so the worker takes another installation's job meanwhile.
 */
export async function runWithInstallationSlot<T>(job: Job, token: string | undefined, claims: readonly SlotClaim[], options: SlotOptions, work: () => Promise<T>): Promise<T> {
  const held = await acquireAll(claims);
  if (!held) {
    options.onWait?.(job.queueName);
    await job.moveToDelayed(Date.now() + computeSlotRetryDelay(Date.now() - job.timestamp, options), token);
    throw new DelayedError();
  }
  const renewal = setInterval(() => {
    for (const { claim, lease } of held) void claim.semaphore.renew(claim.key, lease).catch(() => undefined);
  }, Math.max(100, Math.floor(options.leaseMs / 3)));
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await releaseAll(held);
  }
}

/** Takes every claim or none; resolves to the leases held, or `undefined` when one was taken. */
export async function acquireAll(claims: readonly SlotClaim[]): Promise<Array<{ claim: SlotClaim; lease: string }> | undefined> {
  const held: Array<{ claim: SlotClaim; lease: string }> = [];
  for (const claim of claims) {
    const lease = await claim.semaphore.tryAcquire(claim.key);
    if (!lease) {
      await releaseAll(held);
      return undefined;
    }
    held.push({ claim, lease });
  }
  return held;
}

async function releaseAll(held: ReadonlyArray<{ claim: SlotClaim; lease: string }>): Promise<void> {
  await Promise.all(held.map(({ claim, lease }) => claim.semaphore.release(claim.key, lease).catch(() => undefined)));
}

/** The delay before a job whose slot was taken asks again, after it has been queued `queuedMs` (see {@link SlotOptions}). */
export function computeSlotRetryDelay(queuedMs: number, options: Pick<SlotOptions, 'retryDelayMs' | 'maxRetryDelayMs'>, random = Math.random()): number {
  const least = options.retryDelayMs ?? 250;
  const most = Math.max(least, options.maxRetryDelayMs ?? 2_000);
  const base = Math.min(most, Math.max(least, queuedMs / 4));
  return base * (0.75 + random / 2);
}
