import { describe, expect, it } from 'vitest';
import { scheduleEvery, type Timers } from '../../src/ops/schedule-every.js';

function fakeTimers(): Timers & { fire(): void; cleared: boolean; interval?: number } {
  let callback: (() => void) | undefined;
  const timers = {
    cleared: false,
    interval: undefined as number | undefined,
    setInterval: (fn: () => void, ms: number) => {
      callback = fn;
      timers.interval = ms;
      return 1;
    },
    clearInterval: () => {
      timers.cleared = true;
    },
    fire: () => callback?.(),
  };
  return timers;
}

describe('scheduling the recovery', () => {
  it('runs at once, then on every tick, and stops when told', async () => {
    const timers = fakeTimers();
    let runs = 0;
    const stop = scheduleEvery(async () => void (runs += 1), 900_000, () => {}, timers);
    expect(runs).toBe(1);
    expect(timers.interval).toBe(900_000);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    timers.fire();
    expect(runs).toBe(2);
    stop();
    expect(timers.cleared).toBe(true);
  });

  it('does not overlap a run still going, and reports a failed run without stopping', async () => {
    const timers = fakeTimers();
    const errors: unknown[] = [];
    let release: () => void = () => {};
    let runs = 0;
    scheduleEvery(
      () => {
        runs += 1;
        return runs === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.reject(new Error('GitHub down'));
      },
      1_000,
      (error) => errors.push(error),
      timers,
    );
    timers.fire();
    expect(runs).toBe(1);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
