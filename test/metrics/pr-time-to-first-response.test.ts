import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computePrTimeToFirstResponse } from '../../src/metrics/pr-time-to-first-response.js';
import { aComment, aContext, anActivity, anEvent, aPullRequest, aReview, t } from './builders.js';

const pr = aPullRequest({ number: 1, author: 'newbie', createdAt: t(10) });
const draft = aPullRequest({ number: 2, author: 'newbie', createdAt: t(0), draft: true });

describe('pr_time_to_first_response_hours', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: { n: number; p50: number | null; p90: number | null } }>([
    { case: 'no PRs → no samples, null percentiles', activity: anActivity(), expected: { n: 0, p50: null, p90: null } },
    {
      case: 'a PR nobody answered is no sample',
      activity: anActivity({ pullRequests: [pr] }),
      expected: { n: 0, p50: null, p90: null },
    },
    {
      case: 'a maintainer comment 5 h after the start',
      activity: anActivity({ pullRequests: [pr], comments: [aComment(1, 'maintainer', t(15))] }),
      expected: { n: 1, p50: 5, p90: 5 },
    },
    {
      case: 'a submitted review is a response; a pending one is not',
      activity: anActivity({
        pullRequests: [pr],
        reviews: [aReview(1, 'alice', t(11), { state: 'PENDING' }), aReview(1, 'bob', t(13), { state: 'APPROVED' })],
      }),
      expected: { n: 1, p50: 3, p90: 3 },
    },
    {
      case: 'a review comment on a diff line is a response',
      activity: anActivity({ pullRequests: [pr], comments: [aComment(1, 'alice', t(12), { kind: 'review' })] }),
      expected: { n: 1, p50: 2, p90: 2 },
    },
    {
      case: "the author's own comments are ignored",
      activity: anActivity({ pullRequests: [pr], comments: [aComment(1, 'newbie', t(11)), aComment(1, 'alice', t(20))] }),
      expected: { n: 1, p50: 10, p90: 10 },
    },
    {
      case: 'bots are ignored: type Bot, a [bot] login, and ignoreUsers',
      activity: anActivity({
        pullRequests: [pr],
        comments: [
          aComment(1, 'k8s-ci-robot', t(10.5), { authorType: 'Bot' }),
          aComment(1, 'github-actions[bot]', t(11)),
          aComment(1, 'Triage-Helper', t(11.5)),
          aComment(1, 'alice', t(14)),
        ],
      }),
      expected: { n: 1, p50: 4, p90: 4 },
    },
    {
      case: 'a deleted comment is not a response',
      activity: anActivity({ pullRequests: [pr], comments: [aComment(1, 'alice', t(11), { deleted: true }), aComment(1, 'bob', t(16))] }),
      expected: { n: 1, p50: 6, p90: 6 },
    },
    {
      case: 'a PR opened as draft starts at its first ready_for_review; earlier reviews are ignored',
      activity: anActivity({
        pullRequests: [draft],
        events: [anEvent(2, 'ready_for_review', t(30))],
        reviews: [aReview(2, 'alice', t(5), { state: 'CHANGES_REQUESTED' })],
        comments: [aComment(2, 'bob', t(32))],
      }),
      expected: { n: 1, p50: 2, p90: 2 },
    },
    {
      case: 'a never-ready draft is left out',
      activity: anActivity({ pullRequests: [draft], comments: [aComment(2, 'bob', t(3))] }),
      expected: { n: 0, p50: null, p90: null },
    },
    {
      case: 'draft time after the start is excluded',
      activity: anActivity({
        pullRequests: [pr],
        events: [anEvent(1, 'converted_to_draft', t(12)), anEvent(1, 'ready_for_review', t(20))],
        comments: [aComment(1, 'alice', t(23))],
      }),
      expected: { n: 1, p50: 5, p90: 5 },
    },
    {
      case: 'only PRs started in the window count (a draft opened before it and readied in it does)',
      activity: anActivity({
        pullRequests: [
          aPullRequest({ number: 3, createdAt: t(-5) }),
          aPullRequest({ number: 4, createdAt: t(-50), draft: true }),
          aPullRequest({ number: 5, createdAt: t(700) }),
        ],
        events: [anEvent(4, 'ready_for_review', t(1))],
        comments: [aComment(3, 'alice', t(1)), aComment(4, 'alice', t(2)), aComment(5, 'alice', t(800))],
      }),
      expected: { n: 1, p50: 1, p90: 1 },
    },
    {
      case: 'PRs authored by bots are left out',
      activity: anActivity({
        pullRequests: [aPullRequest({ number: 6, author: 'dependabot[bot]', authorType: 'Bot', createdAt: t(1) })],
        comments: [aComment(6, 'alice', t(2))],
      }),
      expected: { n: 0, p50: null, p90: null },
    },
    {
      case: 'percentiles over several PRs',
      activity: anActivity({
        pullRequests: [1, 2, 3, 4].map((n) => aPullRequest({ number: 10 + n, createdAt: t(0) })),
        comments: [1, 2, 3, 4].map((n) => aComment(10 + n, 'alice', t(n))),
      }),
      expected: { n: 4, p50: 2.5, p90: 3.7 },
    },
  ])('$case', ({ activity, expected }) => {
    expect(computePrTimeToFirstResponse(aContext(activity, { ignoreUsers: ['triage-helper'] }))).toEqual(expected);
  });

  it('counts business hours on a business clock', () => {
    // Friday 6 Nov 16:00 → Monday 9 Nov 10:00 UTC: 66 calendar hours, 2 working hours.
    const friday = aPullRequest({ number: 20, createdAt: '2026-11-06T16:00:00.000Z' });
    const activity = anActivity({ pullRequests: [friday], comments: [aComment(20, 'alice', '2026-11-09T10:00:00.000Z')] });
    const context = aContext(activity, {
      clock: { kind: 'business', timezone: 'UTC', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 } },
    });
    expect(computePrTimeToFirstResponse(context)).toEqual({ n: 1, p50: 2, p90: 2 });
  });
});
