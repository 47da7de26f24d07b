import { describe, expect, it } from 'vitest';
import { computePrsWaitingOnReviewers, listPullRequestsWaitingOnReviewers } from '../../src/metrics/prs-waiting-on-reviewers.js';
import { aContext, anActivity, aPullRequest, aReview, t, WINDOW_FROM } from './builders.js';
import { WHOSE_TURN_CASES } from './whose-turn-cases.js';

describe('prs_waiting_on_reviewers', () => {
  it.each(WHOSE_TURN_CASES)('$case → $side', ({ activity, side }) => {
    expect(computePrsWaitingOnReviewers(aContext(activity))).toBe(side === 'reviewers' ? 1 : 0);
  });

  it('lists the PRs behind the count with the moment each started waiting', () => {
    const activity = anActivity({
      pullRequests: [aPullRequest({ number: 1, createdAt: t(10) }), aPullRequest({ number: 2, createdAt: t(20) }), aPullRequest({ number: 3, createdAt: t(30) })],
      reviews: [aReview(2, 'alice', t(40), { state: 'CHANGES_REQUESTED' })],
    });
    const waiting = listPullRequestsWaitingOnReviewers(aContext(activity));
    expect(waiting.map(({ pr, sinceMs }) => [pr.record.number, (sinceMs - WINDOW_FROM) / 3_600_000])).toEqual([
      [1, 10],
      [3, 30],
    ]);
  });
});
