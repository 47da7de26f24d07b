import { describe, expect, it } from 'vitest';
import { classifyRateLimitError } from '../../src/backfill/classify-rate-limit-error.js';
import { createRateLimitGovernor, type WaitReason } from '../../src/backfill/rate-limit-governor.js';
import { createFakeClock } from './helpers.js';

const START = '2026-11-22T00:00:00.000Z';
const at = (iso: string) => Date.parse(iso);
const answer = (remaining: number, limit = 5000, resetAt = '2026-11-22T01:00:00.000Z') => ({
  rateLimit: { cost: 1, remaining, limit, resetAt },
});
const httpError = (status: number, headers: Record<string, string>, message = 'error') =>
  Object.assign(new Error(message), { status, response: { headers } });

describe('classifyRateLimitError', () => {
  const now = at(START);
  it.each<[string, unknown, number, ReturnType<typeof classifyRateLimitError>]>([
    ['a 403 with retry-after', httpError(403, { 'retry-after': '30' }), 0, { type: 'wait', ms: 30_000, reason: 'retry-after' }],
    ['a 429 with retry-after', httpError(429, { 'retry-after': '5' }), 2, { type: 'wait', ms: 5_000, reason: 'retry-after' }],
    ['an exhausted primary limit', httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 600) }), 0, { type: 'wait', ms: 601_000, reason: 'primary-limit' }],
    ['a RATE_LIMITED GraphQL answer', Object.assign(new Error('limited'), { errors: [{ type: 'RATE_LIMITED' }], headers: { 'x-ratelimit-reset': String(now / 1000 + 60) } }), 0, { type: 'wait', ms: 61_000, reason: 'primary-limit' }],
    ['a secondary limit without retry-after, 3rd try', httpError(403, {}, 'You have exceeded a secondary rate limit'), 2, { type: 'wait', ms: 240_000, reason: 'secondary-limit' }],
    ['a 502 timeout', httpError(502, {}), 1, { type: 'wait', ms: 2_000, reason: 'server-error' }],
    ['a plain 403 (no access)', httpError(403, {}, 'Resource not accessible by integration'), 0, { type: 'fail' }],
    ['a 401', httpError(401, {}), 0, { type: 'fail' }],
  ])('%s', (_name, error, attempt, expected) => {
    expect(classifyRateLimitError(error, attempt, now)).toEqual(expected);
  });
});

describe('createRateLimitGovernor', () => {
  it('pauses until the reset when the remaining points fall under the 20% reserve', async () => {
    const clock = createFakeClock(START);
    const waits: WaitReason[] = [];
    const governor = createRateLimitGovernor({ clock, onWait: (event) => waits.push(event.reason) });
    await governor.run(1, async () => answer(1001));
    expect(clock.sleeps).toEqual([]);
    await governor.run(1, async () => answer(999));
    await governor.run(1, async () => answer(4999));
    expect(clock.sleeps).toEqual([3_600_000 + 1000]);
    expect(waits).toEqual(['reserve']);
    expect(governor.lastRateLimit(1)?.remaining).toBe(4999);
  });

  it('keeps each installation’s reserve to itself', async () => {
    const clock = createFakeClock(START);
    const governor = createRateLimitGovernor({ clock });
    await governor.run(1, async () => answer(10));
    await governor.run(2, async () => answer(4000));
    expect(clock.sleeps).toEqual([]);
  });

  it('retries after retry-after, and gives up after maxAttempts', async () => {
    const clock = createFakeClock(START);
    const governor = createRateLimitGovernor({ clock, maxAttempts: 3 });
    let calls = 0;
    const result = await governor.run(1, async () => {
      calls += 1;
      if (calls === 1) throw httpError(403, { 'retry-after': '7' });
      return answer(4000);
    });
    expect(result.rateLimit.remaining).toBe(4000);
    expect(clock.sleeps).toEqual([7000]);
    await expect(governor.run(1, async () => Promise.reject(httpError(429, { 'retry-after': '1' })))).rejects.toMatchObject({ status: 429 });
    expect(clock.sleeps).toEqual([7000, 1000, 1000]);
  });

  it('does not retry other errors', async () => {
    const governor = createRateLimitGovernor({ clock: createFakeClock(START) });
    let calls = 0;
    await expect(governor.run(1, async () => { calls += 1; throw httpError(404, {}); })).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });

  it('allows one query in flight per installation and at most maxConcurrency overall', async () => {
    const governor = createRateLimitGovernor({ clock: createFakeClock(START), maxConcurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    const perInstallation = new Map<number, number>();
    let perInstallationPeak = 0;
    const query = (installation: number) =>
      governor.run(installation, async () => {
        inFlight += 1;
        perInstallation.set(installation, (perInstallation.get(installation) ?? 0) + 1);
        peak = Math.max(peak, inFlight);
        perInstallationPeak = Math.max(perInstallationPeak, perInstallation.get(installation)!);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        perInstallation.set(installation, perInstallation.get(installation)! - 1);
        return answer(4000);
      });
    await Promise.all([1, 1, 1, 2, 2, 3, 3, 4].map(query));
    expect(perInstallationPeak).toBe(1);
    expect(peak).toBe(2);
  });

  it('a failed query does not block the installation’s next one', async () => {
    const governor = createRateLimitGovernor({ clock: createFakeClock(START) });
    const failing = governor.run(1, async () => Promise.reject(httpError(404, {})));
    const next = governor.run(1, async () => answer(4000));
    await expect(failing).rejects.toBeDefined();
    await expect(next).resolves.toEqual(answer(4000));
  });
});
