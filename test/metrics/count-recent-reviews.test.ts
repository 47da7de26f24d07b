import { describe, expect, it } from 'vitest';
import { countRecentReviews } from '../../src/metrics/count-recent-reviews.js';
import { aContext, anActivity, aPullRequest, aReview, t } from './builders.js';

const end = 28 * 24;

describe('countRecentReviews (the 90 days before `to`)', () => {
  it('counts submitted human reviews in [to − 90 d, to), never by the author or a bot', () => {
    const activity = anActivity({
      pullRequests: [aPullRequest({ number: 1, author: 'newbie', createdAt: t(-3000) })],
      reviews: [
        aReview(1, 'alice', t(end - 90 * 24)),
        aReview(1, 'alice', t(end - 1)),
        aReview(1, 'alice', t(end - 90 * 24 - 1)),
        aReview(1, 'alice', t(end)),
        aReview(1, 'bob', t(10), { state: 'PENDING', submittedAt: null }),
        aReview(1, 'bob', t(10), { state: 'DISMISSED' }),
        aReview(1, 'newbie', t(10)),
        aReview(1, 'ci-bot', t(10), { authorType: 'Bot' }),
      ],
    });
    expect(Object.fromEntries(countRecentReviews(aContext(activity)))).toEqual({ alice: 2, bob: 1 });
  });

  it('honours reviewerActivityDays', () => {
    const activity = anActivity({ pullRequests: [aPullRequest({ number: 1 })], reviews: [aReview(1, 'alice', t(end - 40 * 24))] });
    expect(countRecentReviews(aContext(activity, { reviewerActivityDays: 30 })).size).toBe(0);
  });
});
