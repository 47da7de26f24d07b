import type { BackfillClock } from './backfill-clock.js';
import { classifyRateLimitError, type RateLimitVerdict } from './classify-rate-limit-error.js';
import type { RateLimitInfo, WithRateLimit } from './graphql-types.js';

/** Why the governor paused: the reserve was reached, or GitHub asked to wait. */
export type WaitReason = 'reserve' | Extract<RateLimitVerdict, { type: 'wait' }>['reason'];

export interface RateLimitGovernorOptions {
  clock: BackfillClock;
  /** Pause when an installation's remaining points fall under this share of its limit (default 0.2). */
  reserveRatio?: number;
  /** Queries in flight across all installations (default 4); one installation never has more than one. */
  maxConcurrency?: number;
  /** Tries per query before the error propagates (default 6). */
  maxAttempts?: number;
  /** Told about every wait, for logs and progress. */
  onWait?: (event: { installationId: number; ms: number; reason: WaitReason }) => void;
}

/** Runs GraphQL queries for installations within GitHub's rate limits. */
export interface RateLimitGovernor {
  /**
   * Sends one query for an installation: waits for its turn (one query in flight per installation, at most
   * `maxConcurrency` overall), pauses until the reset when the installation's remaining points are under the
   * reserve, retries rate-limit and server errors after the wait GitHub asks for, and reads the answer's `rateLimit`.
   */
  run<T extends WithRateLimit>(installationId: number, send: () => Promise<T>): Promise<T>;
  /** The last `rateLimit` an installation's query returned. */
  lastRateLimit(installationId: number): RateLimitInfo | undefined;
}

interface InstallationState {
  tail: Promise<void>;
  rateLimit?: RateLimitInfo;
}

/** A governor shared by every backfill of the process (the app keeps one). */
export function createRateLimitGovernor(options: RateLimitGovernorOptions): RateLimitGovernor {
  const { clock } = options;
  const reserveRatio = options.reserveRatio ?? 0.2;
  const maxConcurrency = options.maxConcurrency ?? 4;
  const maxAttempts = options.maxAttempts ?? 6;
  const installations = new Map<number, InstallationState>();
  let active = 0;
  const waiting: Array<() => void> = [];

  const acquireSlot = async () => {
    if (active < maxConcurrency) {
      active += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const releaseSlot = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  const stateOf = (installationId: number) => {
    let state = installations.get(installationId);
    if (!state) {
      state = { tail: Promise.resolve() };
      installations.set(installationId, state);
    }
    return state;
  };

  const waitForReserve = async (installationId: number, state: InstallationState) => {
    const limit = state.rateLimit;
    if (!limit || limit.remaining >= reserveRatio * limit.limit) return;
    const ms = Date.parse(limit.resetAt) - clock.now() + 1000;
    if (ms > 0) {
      options.onWait?.({ installationId, ms, reason: 'reserve' });
      await clock.sleep(ms);
    }
    state.rateLimit = { ...limit, remaining: limit.limit };
  };

  const sendWithRetries = async <T extends WithRateLimit>(installationId: number, state: InstallationState, send: () => Promise<T>) => {
    for (let attempt = 0; ; attempt += 1) {
      await waitForReserve(installationId, state);
      await acquireSlot();
      let result: T;
      try {
        result = await send();
      } catch (error) {
        releaseSlot();
        const verdict = classifyRateLimitError(error, attempt, clock.now());
        if (verdict.type === 'fail' || attempt + 1 >= maxAttempts) throw error;
        options.onWait?.({ installationId, ms: verdict.ms, reason: verdict.reason });
        await clock.sleep(verdict.ms);
        continue;
      }
      releaseSlot();
      if (result.rateLimit) state.rateLimit = result.rateLimit;
      return result;
    }
  };

  return {
    run(installationId, send) {
      const state = stateOf(installationId);
      const result = state.tail.then(() => sendWithRetries(installationId, state, send));
      state.tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    lastRateLimit: (installationId) => installations.get(installationId)?.rateLimit,
  };
}
