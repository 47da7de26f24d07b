import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeReviewRequestTurnaround } from '../../src/metrics/review-request-turnaround.js';
import { aComment, aContext, anActivity, anEvent, aPullRequest, aReview, aReviewRequest, t } from './builders.js';

const pr = aPullRequest({ number: 1, createdAt: t(0) });

describe('review_request_turnaround_hours', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: { n: number; p50: number | null; p90: number | null } }>([
    { case: 'no requests → n 0', activity: anActivity({ pullRequests: [pr] }), expected: { n: 0, p50: null, p90: null } },
    {
      case: "request → that reviewer's first review; other people's replies do not count",
      activity: anActivity({
        pullRequests: [pr],
        events: [aReviewRequest(1, 'alice', t(1))],
        reviews: [aReview(1, 'bob', t(2)), aReview(1, 'alice', t(5))],
      }),
      expected: { n: 1, p50: 4, p90: 4 },
    },
    {
      case: "a comment by the reviewer answers too; replies before the request don't",
      activity: anActivity({
        pullRequests: [pr],
        events: [aReviewRequest(1, 'alice', t(3))],
        comments: [aComment(1, 'alice', t(2)), aComment(1, 'alice', t(9))],
      }),
      expected: { n: 1, p50: 6, p90: 6 },
    },
    {
      case: 'a removed request is no sample; an unanswered one neither',
      activity: anActivity({
        pullRequests: [pr],
        events: [aReviewRequest(1, 'alice', t(1)), aReviewRequest(1, 'alice', t(2), true), aReviewRequest(1, 'bob', t(1))],
        reviews: [aReview(1, 'alice', t(5))],
      }),
      expected: { n: 0, p50: null, p90: null },
    },
    {
      case: 'a re-request after a review is a new sample; a repeat while pending keeps the first',
      activity: anActivity({
        pullRequests: [pr],
        events: [aReviewRequest(1, 'alice', t(1)), aReviewRequest(1, 'alice', t(2)), aReviewRequest(1, 'alice', t(10))],
        reviews: [aReview(1, 'alice', t(4)), aReview(1, 'alice', t(11))],
      }),
      expected: { n: 2, p50: 2, p90: 2.8 },
    },
    {
      case: 'team requests and bot reviewers are not user requests',
      activity: anActivity({
        pullRequests: [pr],
        events: [
          anEvent(1, 'review_requested', t(1), { subject: 'sig-storage', subjectType: 'team' }),
          aReviewRequest(1, 'copilot[bot]', t(1)),
        ],
        reviews: [aReview(1, 'copilot[bot]', t(2)), aReview(1, 'sig-storage', t(3))],
      }),
      expected: { n: 0, p50: null, p90: null },
    },
    {
      case: 'only requests made in the window',
      activity: anActivity({
        pullRequests: [pr],
        events: [aReviewRequest(1, 'alice', t(-3)), aReviewRequest(1, 'bob', t(700))],
        reviews: [aReview(1, 'alice', t(1)), aReview(1, 'bob', t(701))],
      }),
      expected: { n: 0, p50: null, p90: null },
    },
  ])('$case', ({ activity, expected }) => {
    expect(computeReviewRequestTurnaround(aContext(activity))).toEqual(expected);
  });
});
