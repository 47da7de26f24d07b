/** The timer functions a schedule uses (tests pass fakes). */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimers: Timers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Runs `task` now and then every `intervalMs` (the missed-deliveries recovery: on start and every 15 minutes). A run
 * still going when the next is due is not overlapped; a failed run is reported to `onError` and the schedule goes on.
 * Returns a function that stops it.
 */
export function scheduleEvery(task: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void, timers: Timers = systemTimers): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const handle = timers.setInterval(tick, intervalMs);
  return () => timers.clearInterval(handle);
}

/** The recovery's period: 15 minutes. */
export const RECOVERY_INTERVAL_MS = 15 * 60_000;
