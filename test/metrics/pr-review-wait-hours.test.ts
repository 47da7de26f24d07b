import { describe, expect, it } from 'vitest';
import { computePrReviewWaitHours } from '../../src/metrics/pr-review-wait-hours.js';
import { aContext, anActivity, aPullRequest, aReview, t } from './builders.js';
import { WHOSE_TURN_CASES } from './whose-turn-cases.js';

describe('pr_review_wait_hours', () => {
  it.each(WHOSE_TURN_CASES)('$case → $waitHours h', ({ activity, side, waitHours }) => {
    const expected = side === 'reviewers' ? { n: 1, p50: waitHours, p90: waitHours } : { n: 0, p50: null, p90: null };
    expect(computePrReviewWaitHours(aContext(activity))).toEqual(expected);
  });

  it('summarizes every PR waiting on reviewers (p50 and p90 interpolated), leaving out those waiting on their author', () => {
    const activity = anActivity({
      pullRequests: [
        aPullRequest({ number: 1, createdAt: t(672 - 10) }),
        aPullRequest({ number: 2, createdAt: t(672 - 20) }),
        aPullRequest({ number: 3, createdAt: t(672 - 40) }),
        aPullRequest({ number: 4, createdAt: t(0) }),
      ],
      reviews: [aReview(4, 'alice', t(1), { state: 'CHANGES_REQUESTED' })],
    });
    expect(computePrReviewWaitHours(aContext(activity))).toEqual({ n: 3, p50: 20, p90: 36 });
  });

  it('counts business hours with a business clock', () => {
    // Sat 2026-11-28 00:00 UTC is `to`; a PR opened Fri 12:00 UTC waited 5 business hours (12:00–17:00).
    const activity = anActivity({ pullRequests: [aPullRequest({ number: 1, createdAt: '2026-11-27T12:00:00.000Z' })] });
    const context = aContext(activity, {
      window: { from: new Date('2026-10-31T00:00:00Z'), to: new Date('2026-11-28T00:00:00Z'), previousFrom: new Date('2026-10-03T00:00:00Z') },
      clock: { kind: 'business', timezone: 'UTC', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 } },
    });
    expect(computePrReviewWaitHours(context)).toEqual({ n: 1, p50: 5, p90: 5 });
  });
});
