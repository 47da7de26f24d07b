import { describe, expect, it } from 'vitest';
import { computeRevertsMerged, isRevertTitle } from '../../src/metrics/reverts-merged.js';
import { aContext, anActivity, aMergedPullRequest, t } from './builders.js';

describe('reverts_merged', () => {
  it.each([
    { title: 'Revert "Add the widget cache"', revert: true },
    { title: 'revert "Add the widget cache"', revert: true },
    { title: 'Revert "Revert "Add the widget cache""', revert: true },
    { title: 'Reverted the widget cache', revert: false },
    { title: 'Fix: revert "cache" behaviour', revert: false },
  ])('$title → $revert', ({ title, revert }) => {
    expect(isRevertTitle(title)).toBe(revert);
  });

  it('counts revert PRs merged in the window', () => {
    const activity = anActivity({
      pullRequests: [
        aMergedPullRequest(t(5), { title: 'Revert "Add the widget cache"' }),
        aMergedPullRequest(t(-5), { title: 'Revert "Old change"' }),
        aMergedPullRequest(t(6), { title: 'Add the widget cache' }),
      ],
    });
    expect(computeRevertsMerged(aContext(activity))).toBe(1);
  });
});
