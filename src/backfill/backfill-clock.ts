/** Time as the backfill's adapters see it: injected, so tests neither wait nor read the wall clock. */
export interface BackfillClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock, for the app and the CLI. */
export const systemClock: BackfillClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
