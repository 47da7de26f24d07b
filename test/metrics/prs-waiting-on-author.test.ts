import { describe, expect, it } from 'vitest';
import { computePrsWaitingOnAuthor, listPullRequestsWaitingOnAuthor } from '../../src/metrics/prs-waiting-on-author.js';
import { aContext, anActivity, aPullRequest, aReview, t, WINDOW_FROM } from './builders.js';
import { WHOSE_TURN_CASES } from './whose-turn-cases.js';

describe('prs_waiting_on_author', () => {
  it.each(WHOSE_TURN_CASES)('$case → $side', ({ activity, side }) => {
    expect(computePrsWaitingOnAuthor(aContext(activity))).toBe(side === 'author' ? 1 : 0);
  });

  it('lists the PRs behind the count, each since its latest change request', () => {
    const activity = anActivity({
      pullRequests: [aPullRequest({ number: 1, createdAt: t(10) }), aPullRequest({ number: 2, createdAt: t(20) })],
      reviews: [aReview(2, 'alice', t(40), { state: 'CHANGES_REQUESTED' }), aReview(2, 'bob', t(50), { state: 'CHANGES_REQUESTED' })],
    });
    const waiting = listPullRequestsWaitingOnAuthor(aContext(activity));
    expect(waiting.map(({ pr, sinceMs }) => [pr.record.number, (sinceMs - WINDOW_FROM) / 3_600_000])).toEqual([[2, 50]]);
  });
});
