import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computePrTimeToMerge } from '../../src/metrics/pr-time-to-merge.js';
import { aContext, anActivity, anEvent, aMergedPullRequest, aPullRequest, t } from './builders.js';

describe('pr_time_to_merge_hours', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: { n: number; p50: number | null; p90: number | null } }>([
    { case: 'nothing merged → n 0', activity: anActivity({ pullRequests: [aPullRequest()] }), expected: { n: 0, p50: null, p90: null } },
    {
      case: 'start → merged_at for PRs merged in the window, whenever they started',
      activity: anActivity({
        pullRequests: [
          aMergedPullRequest(t(30), { createdAt: t(-20) }),
          aMergedPullRequest(t(100), { createdAt: t(90) }),
          aMergedPullRequest(t(-1), { createdAt: t(-30) }),
          aMergedPullRequest(t(28 * 24), { createdAt: t(600) }),
        ],
      }),
      expected: { n: 2, p50: 30, p90: 46 },
    },
    {
      case: 'a PR opened as draft starts when ready; later draft time is excluded',
      activity: anActivity({
        pullRequests: [aMergedPullRequest(t(100), { number: 7, createdAt: t(0), draft: true })],
        events: [
          anEvent(7, 'ready_for_review', t(10)),
          anEvent(7, 'converted_to_draft', t(20)),
          anEvent(7, 'ready_for_review', t(50)),
        ],
      }),
      expected: { n: 1, p50: 60, p90: 60 },
    },
    {
      case: 'closed unmerged PRs and bot PRs are left out',
      activity: anActivity({
        pullRequests: [
          aPullRequest({ state: 'closed', closedAt: t(5), createdAt: t(1) }),
          aMergedPullRequest(t(5), { createdAt: t(1), author: 'renovate[bot]', authorType: 'Bot' }),
        ],
      }),
      expected: { n: 0, p50: null, p90: null },
    },
  ])('$case', ({ activity, expected }) => {
    expect(computePrTimeToMerge(aContext(activity))).toEqual(expected);
  });
});
