import { describe, expect, it } from 'vitest';
import { computeFirstTimeContributors } from '../../src/metrics/first-time-contributors.js';
import { scopeIndexToArea } from '../../src/metrics/scope-index-to-area.js';
import { aContext, anActivity, anEvent, aPullRequest, t } from './builders.js';

describe('first_time_contributors', () => {
  const activity = anActivity({
    pullRequests: [
      aPullRequest({ number: 1, author: 'ann', createdAt: t(5) }),
      aPullRequest({ number: 2, author: 'ann', createdAt: t(50) }),
      aPullRequest({ number: 3, author: 'ben', createdAt: t(-500) }),
      aPullRequest({ number: 4, author: 'ben', createdAt: t(10) }),
      aPullRequest({ number: 5, author: 'cat', createdAt: t(20), draft: true }),
      aPullRequest({ number: 6, author: 'renovate[bot]', createdAt: t(20) }),
      aPullRequest({ number: 7, author: 'dan', createdAt: t(28 * 24) }),
      // eve opened her first PR as a draft before the window and marked it ready in it: she started in the window.
      aPullRequest({ number: 8, author: 'eve', createdAt: t(-48), draft: true }),
    ],
    events: [anEvent(8, 'ready_for_review', t(2))],
  });

  it('counts authors whose first PR in the repository started in the window (a never-ready draft has not), never bots', () => {
    // ann (opened in the window) and eve (ready in the window); not cat, whose first PR is still a draft.
    expect(computeFirstTimeContributors(aContext(activity))).toBe(2);
  });

  it("in an area, counts those whose repository-first PR is in the area (a regular's first PR in it does not count)", () => {
    const context = aContext(activity);
    const area = { ...context, index: scopeIndexToArea(context.index, { prNumbers: [2, 4, 5, 8], issueNumbers: [] }) };
    expect(computeFirstTimeContributors(area)).toBe(1);
  });
});
