import { describe, expect, it } from 'vitest';
import { computeNewcomerPrTimeToFirstResponse } from '../../src/metrics/newcomer-pr-time-to-first-response.js';
import { aComment, aContext, anActivity, aPullRequest, t } from './builders.js';

describe('newcomer_pr_time_to_first_response_hours', () => {
  it('is the first-response time over first PRs only', () => {
    const activity = anActivity({
      pullRequests: [
        aPullRequest({ number: 1, author: 'ann', createdAt: t(0) }),
        aPullRequest({ number: 2, author: 'ann', createdAt: t(10) }),
        aPullRequest({ number: 3, author: 'ben', createdAt: t(0) }),
        aPullRequest({ number: 4, author: 'cat', createdAt: t(-100) }),
        aPullRequest({ number: 5, author: 'cat', createdAt: t(0) }),
      ],
      comments: [
        aComment(1, 'alice', t(30)),
        aComment(2, 'alice', t(11)),
        aComment(3, 'alice', t(10)),
        aComment(5, 'alice', t(1)),
      ],
    });
    expect(computeNewcomerPrTimeToFirstResponse(aContext(activity))).toEqual({ n: 2, p50: 20, p90: 28 });
  });

  it('is n 0 with null percentiles when no newcomer was answered', () => {
    const activity = anActivity({ pullRequests: [aPullRequest({ author: 'ann', createdAt: t(0) })] });
    expect(computeNewcomerPrTimeToFirstResponse(aContext(activity))).toEqual({ n: 0, p50: null, p90: null });
  });
});
