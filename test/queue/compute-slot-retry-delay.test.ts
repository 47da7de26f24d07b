import { describe, expect, it } from 'vitest';
import { computeSlotRetryDelay } from '../../src/queue/run-with-installation-slot.js';

describe('computeSlotRetryDelay: a job whose slot is taken asks again later the longer it has waited', () => {
  it.each([
    [0, 250],
    [1_000, 250],
    [2_000, 500],
    [6_000, 1_500],
    [60_000, 2_000],
  ])('queued %i ms → about %i ms', (queuedMs, expected) => {
    expect(computeSlotRetryDelay(queuedMs, {}, 0.5)).toBe(expected);
    expect(computeSlotRetryDelay(queuedMs, {}, 0)).toBe(expected * 0.75);
    expect(computeSlotRetryDelay(queuedMs, {}, 1)).toBe(expected * 1.25);
  });

  it('keeps to the bounds given, and a ceiling under the floor is the floor', () => {
    expect(computeSlotRetryDelay(60_000, { retryDelayMs: 100, maxRetryDelayMs: 800 }, 0.5)).toBe(800);
    expect(computeSlotRetryDelay(0, { retryDelayMs: 100, maxRetryDelayMs: 800 }, 0.5)).toBe(100);
    expect(computeSlotRetryDelay(60_000, { retryDelayMs: 500, maxRetryDelayMs: 100 }, 0.5)).toBe(500);
  });
});
