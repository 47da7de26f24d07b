import { describe, expect, it } from 'vitest';
import { computeReturningContributorRate } from '../../src/metrics/returning-contributor-rate.js';
import { aContext, anActivity, aPullRequest, t } from './builders.js';

const DAY = 24;
/** The cohort window is the 28 days ending 90 days before `to`: [t(−90 d), t(−62 d)). */
const cohortStart = -90 * DAY;

describe('returning_contributor_rate_90d', () => {
  it('is an empty cohort with a null rate when nobody arrived', () => {
    expect(computeReturningContributorRate(aContext(anActivity()))).toEqual({ cohort: 0, returned: 0, rate: null });
  });

  it('follows the cohort whose first PR was opened in the window ending 90 days before `to`', () => {
    const activity = anActivity({
      pullRequests: [
        // ann: first PR in the cohort window, second 30 days later → returned.
        aPullRequest({ number: 1, author: 'ann', createdAt: t(cohortStart + 1) }),
        aPullRequest({ number: 2, author: 'ann', createdAt: t(cohortStart + 1 + 30 * DAY) }),
        // ben: second PR 91 days after the first → not returned.
        aPullRequest({ number: 3, author: 'ben', createdAt: t(cohortStart + 2 * DAY) }),
        aPullRequest({ number: 4, author: 'ben', createdAt: t(cohortStart + 93 * DAY) }),
        // cat: only one PR.
        aPullRequest({ number: 5, author: 'cat', createdAt: t(cohortStart + 27 * DAY) }),
        // dan: second PR exactly 90 days later → returned.
        aPullRequest({ number: 6, author: 'dan', createdAt: t(cohortStart + 5 * DAY) }),
        aPullRequest({ number: 7, author: 'dan', createdAt: t(cohortStart + 95 * DAY) }),
        // eve: first PR before the cohort window; fay: after it; a bot: never counted.
        aPullRequest({ number: 8, author: 'eve', createdAt: t(cohortStart - 1) }),
        aPullRequest({ number: 9, author: 'fay', createdAt: t(cohortStart + 28 * DAY) }),
        aPullRequest({ number: 10, author: 'bot[bot]', createdAt: t(cohortStart + 1) }),
      ],
    });
    expect(computeReturningContributorRate(aContext(activity))).toEqual({ cohort: 4, returned: 2, rate: 0.5 });
  });
});
