import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computePrTimeToFirstReview } from '../../src/metrics/pr-time-to-first-review.js';
import { aComment, aContext, anActivity, anEvent, aPullRequest, aReview, t } from './builders.js';

const pr = aPullRequest({ number: 1, author: 'newbie', createdAt: t(10) });

describe('pr_time_to_first_review_hours', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: { n: number; p50: number | null; p90: number | null } }>([
    { case: 'no PRs → n 0 and null percentiles', activity: anActivity(), expected: { n: 0, p50: null, p90: null } },
    {
      case: 'comments are not reviews',
      activity: anActivity({ pullRequests: [pr], comments: [aComment(1, 'alice', t(11))] }),
      expected: { n: 0, p50: null, p90: null },
    },
    {
      case: 'the first submitted review of any state but PENDING',
      activity: anActivity({
        pullRequests: [pr],
        reviews: [
          aReview(1, 'alice', t(12), { state: 'PENDING' }),
          aReview(1, 'bob', t(16), { state: 'COMMENTED' }),
          aReview(1, 'carol', t(20), { state: 'APPROVED' }),
        ],
      }),
      expected: { n: 1, p50: 6, p90: 6 },
    },
    {
      case: 'reviews by the author or bots are ignored',
      activity: anActivity({
        pullRequests: [pr],
        reviews: [
          aReview(1, 'newbie', t(11)),
          aReview(1, 'copilot-pull-request-reviewer[bot]', t(11)),
          aReview(1, 'review-bot', t(11), { authorType: 'Bot' }),
          aReview(1, 'alice', t(18), { state: 'CHANGES_REQUESTED' }),
        ],
      }),
      expected: { n: 1, p50: 8, p90: 8 },
    },
    {
      case: 'a review before ready-for-review is ignored',
      activity: anActivity({
        pullRequests: [aPullRequest({ number: 2, createdAt: t(0), draft: true })],
        events: [anEvent(2, 'ready_for_review', t(24))],
        reviews: [aReview(2, 'alice', t(2)), aReview(2, 'bob', t(30))],
      }),
      expected: { n: 1, p50: 6, p90: 6 },
    },
    {
      case: 'a review submitted while back in draft counts, minus the draft time',
      activity: anActivity({
        pullRequests: [pr],
        events: [anEvent(1, 'converted_to_draft', t(11))],
        reviews: [aReview(1, 'alice', t(40))],
      }),
      expected: { n: 1, p50: 1, p90: 1 },
    },
  ])('$case', ({ activity, expected }) => {
    expect(computePrTimeToFirstReview(aContext(activity))).toEqual(expected);
  });
});
