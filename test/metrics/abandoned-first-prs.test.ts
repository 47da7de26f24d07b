import { describe, expect, it } from 'vitest';
import { computeAbandonedFirstPrs } from '../../src/metrics/abandoned-first-prs.js';
import { aComment, aContext, anActivity, aMergedPullRequest, aPullRequest, aReview, t } from './builders.js';

const closed = (number: number, author: string, closedAt: string) =>
  aPullRequest({ number, author, createdAt: t(0), state: 'closed', closedAt });

describe('abandoned_first_prs', () => {
  it.each([
    { case: 'a first PR closed unmerged in the window with no response', activity: anActivity({ pullRequests: [closed(1, 'ann', t(10))] }), expected: 1 },
    {
      case: 'answered before the close',
      activity: anActivity({ pullRequests: [closed(1, 'ann', t(10))], reviews: [aReview(1, 'alice', t(5))] }),
      expected: 0,
    },
    {
      case: 'only the author and a bot spoke',
      activity: anActivity({
        pullRequests: [closed(1, 'ann', t(10))],
        comments: [aComment(1, 'ann', t(2)), aComment(1, 'stale[bot]', t(9)), aComment(1, 'alice', t(11))],
      }),
      expected: 1,
    },
    { case: 'merged', activity: anActivity({ pullRequests: [aMergedPullRequest(t(10), { author: 'ann' })] }), expected: 0 },
    { case: 'still open', activity: anActivity({ pullRequests: [aPullRequest({ author: 'ann' })] }), expected: 0 },
    { case: 'closed before the window', activity: anActivity({ pullRequests: [closed(1, 'ann', t(-1))] }), expected: 0 },
    {
      case: 'not the first PR of its author',
      activity: anActivity({ pullRequests: [aPullRequest({ number: 2, author: 'ann', createdAt: t(-100) }), closed(3, 'ann', t(10))] }),
      expected: 0,
    },
  ])('$case → $expected', ({ activity, expected }) => {
    expect(computeAbandonedFirstPrs(aContext(activity))).toBe(expected);
  });
});
