import { describe, expect, it } from 'vitest';
import { computeWorkloadPerActiveReviewer, weighPullRequestSize } from '../../src/metrics/workload-per-active-reviewer.js';
import { aContext, anActivity, aPullRequest, t } from './builders.js';

describe('workload_per_active_reviewer', () => {
  it.each([
    { size: 0, weight: 0.25 },
    { size: 9, weight: 0.25 },
    { size: 10, weight: 0.5 },
    { size: 29, weight: 0.5 },
    { size: 30, weight: 1 },
    { size: 99, weight: 1 },
    { size: 100, weight: 2 },
    { size: 499, weight: 2 },
    { size: 500, weight: 4 },
    { size: 999, weight: 4 },
    { size: 1000, weight: 8 },
    { size: null, weight: 1 },
  ])('a PR of size $size weighs $weight', ({ size, weight }) => {
    expect(weighPullRequestSize(size)).toBe(weight);
  });

  const sized = (additions: number, deletions: number, overrides = {}) =>
    aPullRequest({ additions, deletions, createdAt: t(0), ...overrides });
  const activity = anActivity({
    pullRequests: [
      sized(5, 0),
      sized(600, 500),
      sized(50, 10),
      sized(1, 1, { draft: true }),
      sized(1000, 0, { state: 'closed', closedAt: t(5) }),
      sized(1000, 0, { author: 'dependabot[bot]' }),
    ],
  });

  it('sums the weights of open, ready, human PRs and divides by active reviewers', () => {
    expect(computeWorkloadPerActiveReviewer(aContext(activity), 2)).toBe((0.25 + 8 + 1) / 2);
  });

  it('is null without an active reviewer', () => {
    expect(computeWorkloadPerActiveReviewer(aContext(activity), 0)).toBeNull();
  });

  it('is 0 with reviewers and nothing open', () => {
    expect(computeWorkloadPerActiveReviewer(aContext(anActivity()), 3)).toBe(0);
  });
});
