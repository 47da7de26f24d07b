import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/core/records.js';
import { computeContestedPrs } from '../../src/metrics/contested-prs.js';
import { aContext, anActivity, aPullRequest, aReview, t } from './builders.js';

const review = (author: string, at: number, state: ReviewRecord['state']) => aReview(1, author, t(at), { state });

describe('contested_prs', () => {
  it.each<{ case: string; reviews: ReviewRecord[]; expected: number }>([
    { case: 'one approves, another requests changes', reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'CHANGES_REQUESTED')], expected: 1 },
    { case: 'two approvals', reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'APPROVED')], expected: 0 },
    {
      case: 'a later approval replaces the change request',
      reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'CHANGES_REQUESTED'), review('bob', 3, 'APPROVED')],
      expected: 0,
    },
    {
      case: 'a later comment does not replace the change request',
      reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'CHANGES_REQUESTED'), review('bob', 3, 'COMMENTED')],
      expected: 1,
    },
    {
      case: 'a dismissed change request no longer stands',
      reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'DISMISSED')],
      expected: 0,
    },
    {
      case: 'one reviewer changing their mind is not a contest',
      reviews: [review('alice', 1, 'CHANGES_REQUESTED'), review('alice', 2, 'APPROVED')],
      expected: 0,
    },
    {
      case: 'a bot approving does not contest',
      reviews: [aReview(1, 'auto-approve[bot]', t(1), { state: 'APPROVED' }), review('bob', 2, 'CHANGES_REQUESTED')],
      expected: 0,
    },
    {
      case: 'reviews after `to` are not seen',
      reviews: [review('alice', 1, 'APPROVED'), review('bob', 28 * 24, 'CHANGES_REQUESTED')],
      expected: 0,
    },
  ])('$case → $expected', ({ reviews, expected }) => {
    const activity = anActivity({ pullRequests: [aPullRequest({ number: 1, createdAt: t(0) })], reviews });
    expect(computeContestedPrs(aContext(activity))).toBe(expected);
  });

  it('only counts PRs open at `to`', () => {
    const activity = anActivity({
      pullRequests: [aPullRequest({ number: 1, createdAt: t(0), state: 'closed', closedAt: t(5) })],
      reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'CHANGES_REQUESTED')],
    });
    expect(computeContestedPrs(aContext(activity))).toBe(0);
  });
});
