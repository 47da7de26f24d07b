import { describe, expect, it } from 'vitest';
import { computeBreakingChangesMerged } from '../../src/metrics/breaking-changes-merged.js';
import { aContext, anActivity, aMergedPullRequest, aPullRequest, t } from './builders.js';

describe('breaking_changes_merged', () => {
  it.each([
    { case: 'default label breaking-change', labels: ['breaking-change'], expected: 1 },
    { case: 'kind/api-change, any case', labels: ['Kind/API-Change'], expected: 1 },
    { case: 'kind/deprecation', labels: ['kind/deprecation', 'size/XS'], expected: 1 },
    { case: 'no breaking label', labels: ['kind/bug'], expected: 0 },
  ])('$case → $expected', ({ labels, expected }) => {
    const activity = anActivity({ pullRequests: [aMergedPullRequest(t(5), { labels })] });
    expect(computeBreakingChangesMerged(aContext(activity))).toBe(expected);
  });

  it('uses configured labels and only merges in the window', () => {
    const activity = anActivity({
      pullRequests: [
        aMergedPullRequest(t(5), { labels: ['semver-major'] }),
        aMergedPullRequest(t(-5), { labels: ['semver-major'] }),
        aPullRequest({ labels: ['semver-major'] }),
      ],
    });
    expect(computeBreakingChangesMerged(aContext(activity, { breakingChangeLabels: ['semver-major'] }))).toBe(1);
  });
});
