import { describe, expect, it } from 'vitest';
import { computePrsMerged } from '../../src/metrics/prs-merged.js';
import { aContext, anActivity, aMergedPullRequest, aPullRequest, t } from './builders.js';

describe('prs_merged', () => {
  it.each([
    { case: 'merged in the window, opened long before', pr: aMergedPullRequest(t(5), { createdAt: t(-100) }), expected: 1 },
    { case: 'merged in the last hour of the window', pr: aMergedPullRequest(t(28 * 24 - 1), { createdAt: t(20) }), expected: 1 },
    { case: 'merged before the window', pr: aMergedPullRequest(t(-5), { createdAt: t(-100) }), expected: 0 },
    { case: 'closed unmerged', pr: aPullRequest({ state: 'closed', closedAt: t(5) }), expected: 0 },
    { case: 'merged, by a bot author', pr: aMergedPullRequest(t(5), { author: 'renovate[bot]' }), expected: 0 },
  ])('$case → $expected', ({ pr, expected }) => {
    expect(computePrsMerged(aContext(anActivity({ pullRequests: [pr] })))).toBe(expected);
  });
});
