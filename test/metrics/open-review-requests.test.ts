import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeOpenReviewRequests, computePendingReviewRequests } from '../../src/metrics/open-review-requests.js';
import { aComment, aContext, anActivity, aPullRequest, aReview, aReviewRequest, t } from './builders.js';

const open = (number: number) => aPullRequest({ number, createdAt: t(0) });
const end = t(28 * 24);

describe('open_review_requests (pending user review requests at `to`)', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: Record<string, number> }>([
    { case: 'no requests', activity: anActivity({ pullRequests: [open(1)] }), expected: {} },
    {
      case: 'a request not yet answered is pending; a comment does not clear it',
      activity: anActivity({ pullRequests: [open(1)], events: [aReviewRequest(1, 'alice', t(1))], comments: [aComment(1, 'alice', t(2))] }),
      expected: { alice: 1 },
    },
    {
      case: "the reviewer's review clears it; a review before the request does not",
      activity: anActivity({
        pullRequests: [open(1), open(2)],
        events: [aReviewRequest(1, 'alice', t(1)), aReviewRequest(2, 'alice', t(5))],
        reviews: [aReview(1, 'alice', t(3)), aReview(2, 'alice', t(4))],
      }),
      expected: { alice: 1 },
    },
    {
      case: 'a removed request is not pending; a re-request is',
      activity: anActivity({
        pullRequests: [open(1), open(2)],
        events: [
          aReviewRequest(1, 'bob', t(1)),
          aReviewRequest(1, 'bob', t(2), true),
          aReviewRequest(2, 'bob', t(1)),
          aReviewRequest(2, 'bob', t(2), true),
          aReviewRequest(2, 'bob', t(3)),
        ],
      }),
      expected: { bob: 1 },
    },
    {
      case: 'closed PRs, requests after `to` and reviews after `to` are judged at `to`',
      activity: anActivity({
        pullRequests: [aPullRequest({ number: 1, state: 'closed', closedAt: t(10) }), open(2), open(3)],
        events: [aReviewRequest(1, 'carol', t(1)), aReviewRequest(2, 'carol', end), aReviewRequest(3, 'carol', t(1))],
        reviews: [aReview(3, 'carol', end)],
      }),
      expected: { carol: 1 },
    },
    {
      case: 'counts per reviewer across PRs',
      activity: anActivity({
        pullRequests: [open(1), open(2), open(3)],
        events: [aReviewRequest(1, 'alice', t(1)), aReviewRequest(2, 'alice', t(1)), aReviewRequest(3, 'bob', t(1))],
      }),
      expected: { alice: 2, bob: 1 },
    },
  ])('$case', ({ activity, expected }) => {
    const context = aContext(activity);
    expect(Object.fromEntries(computePendingReviewRequests(context))).toEqual(expected);
    expect(computeOpenReviewRequests(context)).toBe(Object.values(expected).reduce((sum, n) => sum + n, 0));
  });
});
