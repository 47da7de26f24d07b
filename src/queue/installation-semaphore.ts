/**
 * Bounds how many jobs of one installation run at once across every worker process, so one org's backfill or burst
 * cannot take all the slots and starve another's webhooks. (BullMQ's group keys would do this but are BullMQ Pro only.)
 * A slot is a lease: a holder that dies (kill -9) frees it when the lease runs out.
 */
export interface InstallationSemaphore {
  /** Takes a slot of `key`; resolves to the lease token, or `null` when every slot is taken. */
  tryAcquire(key: string): Promise<string | null>;
  /** Extends a lease held; `false` when it already ran out. */
  renew(key: string, token: string): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
}

/** Slots per installation and how long a lease lasts without renewal. */
export interface SemaphoreLimits {
  /** Jobs of one installation running at once (default 2). */
  perInstallation: number;
  /** A lease not renewed within this many milliseconds is freed (default 30 000). */
  leaseMs: number;
}

export const DEFAULT_SEMAPHORE_LIMITS: SemaphoreLimits = { perInstallation: 2, leaseMs: 30_000 };
