import { describe, expect, it } from 'vitest';
import { computeReviewerLoads } from '../../src/metrics/compute-reviewer-loads.js';
import { aContext, anActivity, aPullRequest, aReview, aReviewRequest, t, WINDOW } from './builders.js';

describe('computeReviewerLoads', () => {
  it("lists every human reviewer with pending requests at `to` and reviews in the 90 days, busiest first", () => {
    const activity = anActivity({
      pullRequests: [1, 2, 3].map((number) => aPullRequest({ number, createdAt: t(0) })),
      events: [aReviewRequest(1, 'carol', t(1)), aReviewRequest(2, 'carol', t(1)), aReviewRequest(3, 'dave', t(1))],
      reviews: [
        aReview(1, 'alice', t(2)),
        aReview(2, 'alice', t(2)),
        aReview(3, 'bob', t(2)),
        aReview(3, 'dave', t(-200 * 24)),
        aReview(3, 'ci[bot]', t(2)),
      ],
    });
    expect(computeReviewerLoads(activity, { window: WINDOW })).toEqual([
      { login: 'carol', open_review_requests: 2, reviews_90d: 0 },
      { login: 'dave', open_review_requests: 1, reviews_90d: 0 },
      { login: 'alice', open_review_requests: 0, reviews_90d: 2 },
      { login: 'bob', open_review_requests: 0, reviews_90d: 1 },
    ]);
  });

  it('is empty without reviews or requests, and accepts an index', () => {
    expect(computeReviewerLoads(aContext(anActivity()).index, { window: WINDOW })).toEqual([]);
  });
});
