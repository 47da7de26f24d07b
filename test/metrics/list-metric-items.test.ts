import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import { type ItemListName, ITEM_LISTS, listMetricItems } from '../../src/metrics/list-metric-items.js';
import { aComment, aContext, aMergedPullRequest, aMilestone, anActivity, anEvent, anIssue, aPullRequest, aReview, t, WINDOW, WINDOW_TO } from './builders.js';

/** Hours before the window's end (`to`). */
const ago = (hours: number) => new Date(WINDOW_TO - hours * 3_600_000).toISOString();
const bot = { author: 'ci[bot]', authorType: 'Bot' } as const;

/**
 * For each list: activity where the records numbered in `expected` (in that order) are exactly the ones the metric
 * counts, next to look-alikes it must not count (other numbers).
 */
/** Open PRs at `to`: 1 and 4 wait on their reviewers (1 longer), 2 on its author after a change request; 3 is a draft. */
function waitingActivity(): RepositoryActivity {
  return anActivity({
    pullRequests: [
      aPullRequest({ number: 1, createdAt: ago(50) }),
      aPullRequest({ number: 2, createdAt: ago(100) }),
      aPullRequest({ number: 3, createdAt: ago(100), draft: true }),
      aPullRequest({ number: 4, createdAt: ago(20) }),
    ],
    reviews: [aReview(2, 'alice', ago(90), { state: 'CHANGES_REQUESTED' })],
  });
}

const cases: { list: ItemListName; activity: RepositoryActivity; expected: number[]; kind: string; path: string }[] = [
  {
    list: 'unanswered_prs',
    kind: 'pull_request',
    path: 'pull',
    activity: anActivity({
      pullRequests: [
        aPullRequest({ number: 1, createdAt: ago(80) }),
        aPullRequest({ number: 2, createdAt: ago(300) }),
        aPullRequest({ number: 3, createdAt: ago(10) }), // too young
        aPullRequest({ number: 4, createdAt: ago(300) }), // answered
        aPullRequest({ number: 5, createdAt: ago(300), ...bot }),
        aPullRequest({ number: 6, createdAt: ago(300), draft: true }),
      ],
      comments: [aComment(4, 'alice', ago(200))],
    }),
    expected: [2, 1],
  },
  {
    list: 'unanswered_issues',
    kind: 'issue',
    path: 'issues',
    activity: anActivity({
      issues: [
        anIssue({ number: 11, createdAt: ago(100) }),
        anIssue({ number: 12, createdAt: ago(500) }),
        anIssue({ number: 13, createdAt: ago(5) }),
        anIssue({ number: 14, createdAt: ago(500), state: 'closed', closedAt: ago(400) }),
      ],
    }),
    expected: [12, 11],
  },
  {
    list: 'contested_prs',
    kind: 'pull_request',
    path: 'pull',
    activity: anActivity({
      pullRequests: [aPullRequest({ number: 21, createdAt: t(10) }), aPullRequest({ number: 22, createdAt: t(1) }), aPullRequest({ number: 23 })],
      reviews: [
        aReview(21, 'alice', t(20), { state: 'APPROVED' }),
        aReview(21, 'bob', t(21), { state: 'CHANGES_REQUESTED' }),
        aReview(22, 'alice', t(20), { state: 'CHANGES_REQUESTED' }),
        aReview(22, 'bob', t(21), { state: 'APPROVED' }),
        aReview(23, 'alice', t(20), { state: 'APPROVED' }),
        aReview(23, 'bob', t(21), { state: 'APPROVED' }),
      ],
    }),
    expected: [22, 21],
  },
  {
    list: 'merged_over_change_request',
    kind: 'pull_request',
    path: 'pull',
    activity: anActivity({
      pullRequests: [aMergedPullRequest(t(50), { number: 31 }), aMergedPullRequest(t(40), { number: 32 }), aMergedPullRequest(t(30), { number: 33 })],
      reviews: [
        aReview(31, 'bob', t(20), { state: 'CHANGES_REQUESTED' }),
        aReview(32, 'bob', t(20), { state: 'CHANGES_REQUESTED' }),
        aReview(33, 'bob', t(20), { state: 'CHANGES_REQUESTED' }),
        aReview(33, 'bob', t(25), { state: 'APPROVED' }),
      ],
    }),
    expected: [32, 31],
  },
  {
    list: 'overdue_milestones',
    kind: 'milestone',
    path: 'milestone',
    activity: anActivity({
      milestones: [
        aMilestone({ number: 41, dueOn: t(100) }),
        aMilestone({ number: 42, dueOn: t(5) }),
        aMilestone({ number: 43, dueOn: t(28 * 24 + 100) }),
        aMilestone({ number: 44, dueOn: t(5), state: 'closed', closedAt: t(6) }),
        aMilestone({ number: 45 }),
      ],
    }),
    expected: [42, 41],
  },
  {
    list: 'abandoned_first_prs',
    kind: 'pull_request',
    path: 'pull',
    // Numbered from #1: every earlier item is stored, so each author's first stored PR is their first (issue 18).
    activity: anActivity({
      pullRequests: [
        aPullRequest({ number: 1, author: 'ann', state: 'closed', closedAt: t(90) }),
        aPullRequest({ number: 2, author: 'ben', state: 'closed', closedAt: t(80) }),
        aPullRequest({ number: 3, author: 'cat', state: 'closed', closedAt: t(80) }), // answered
        aPullRequest({ number: 4, author: 'ann', state: 'closed', closedAt: t(85), createdAt: t(1) }), // ann's second
      ],
      comments: [aComment(3, 'alice', t(10))],
    }),
    expected: [2, 1],
  },
  {
    list: 'reverts_merged',
    kind: 'pull_request',
    path: 'pull',
    activity: anActivity({
      pullRequests: [
        aMergedPullRequest(t(60), { number: 61, title: 'Revert "Add x"' }),
        aMergedPullRequest(t(20), { number: 62, title: 'revert "Add y"' }),
        aMergedPullRequest(t(20), { number: 63, title: 'Reverting the cache' }),
        aMergedPullRequest(t(-20), { number: 64, title: 'Revert "old"' }),
      ],
    }),
    expected: [62, 61],
  },
  {
    list: 'breaking_changes_merged',
    kind: 'pull_request',
    path: 'pull',
    activity: anActivity({
      pullRequests: [
        aMergedPullRequest(t(70), { number: 71, labels: ['breaking-change'] }),
        aMergedPullRequest(t(30), { number: 72, labels: ['kind/api-change'] }),
        aMergedPullRequest(t(30), { number: 73, labels: ['feature'] }),
        aPullRequest({ number: 74, labels: ['breaking-change'] }),
      ],
    }),
    expected: [72, 71],
  },
  {
    list: 'regressions_opened',
    kind: 'issue',
    path: 'issues',
    activity: anActivity({
      issues: [
        anIssue({ number: 81, createdAt: t(50), labels: ['regression'] }),
        anIssue({ number: 82, createdAt: t(5), labels: ['kind/regression'] }),
        anIssue({ number: 83, createdAt: t(5), labels: ['bug'] }),
        anIssue({ number: 84, createdAt: t(-50), labels: ['regression'] }),
      ],
    }),
    expected: [82, 81],
  },
  {
    list: 'open_release_blockers',
    kind: 'issue',
    path: 'issues',
    activity: anActivity({
      issues: [
        anIssue({ number: 91, createdAt: t(50), labels: ['release-blocker'] }),
        anIssue({ number: 92, createdAt: t(5), labels: ['release-blocker'], state: 'closed', closedAt: t(6) }),
      ],
      pullRequests: [aPullRequest({ number: 93, createdAt: t(10), labels: ['priority/release-blocker'], ...bot })],
    }),
    expected: [93, 91],
  },
  {
    list: 'prs_waiting_on_reviewers',
    kind: 'pull_request',
    path: 'pull',
    activity: waitingActivity(),
    expected: [1, 4],
  },
  {
    list: 'prs_waiting_on_author',
    kind: 'pull_request',
    path: 'pull',
    activity: waitingActivity(),
    expected: [2],
  },
  {
    list: 'prs_closed_by_bot_unanswered',
    kind: 'pull_request',
    path: 'pull',
    activity: anActivity({
      pullRequests: [
        aPullRequest({ number: 1, state: 'closed', closedAt: t(300) }),
        aPullRequest({ number: 2, state: 'closed', closedAt: t(300) }), // answered first
        aPullRequest({ number: 3, state: 'closed', closedAt: t(300) }), // closed by a human
      ],
      comments: [aComment(2, 'alice', t(10))],
      events: [anEvent(1, 'closed', t(300), { actor: 'stale[bot]' }), anEvent(2, 'closed', t(300), { actor: 'stale[bot]' }), anEvent(3, 'closed', t(300), { actor: 'alice' })],
    }),
    expected: [1],
  },
  {
    list: 'issues_closed_by_bot_unanswered',
    kind: 'issue',
    path: 'issues',
    activity: anActivity({
      issues: [anIssue({ number: 7, state: 'closed', closedAt: t(200) }), anIssue({ number: 8, state: 'closed', closedAt: t(200) })],
      comments: [aComment(8, 'alice', t(10), { onPullRequest: false })],
      events: [
        anEvent(7, 'closed', t(200), { actor: 'stale[bot]', itemKind: 'issue' }),
        anEvent(8, 'closed', t(200), { actor: 'stale[bot]', itemKind: 'issue' }),
      ],
    }),
    expected: [7],
  },
];

describe('listMetricItems', () => {
  it('covers every list', () => {
    expect(new Set(cases.map((c) => c.list))).toEqual(new Set(ITEM_LISTS));
  });

  it.each(cases)('$list lists exactly the records it counts, in reading order, with links', ({ list, activity, expected, kind, path }) => {
    const items = listMetricItems(aContext(activity), list);
    expect(items.map((item) => item.number)).toEqual(expected);
    expect(items.length).toBe(computeMetricSet(activity, { window: WINDOW })[list]);
    for (const item of items) {
      expect(item.kind).toBe(list === 'open_release_blockers' && item.number === 93 ? 'pull_request' : kind);
      const itemPath = item.kind === 'pull_request' ? 'pull' : path;
      expect(item.url).toBe(`https://github.com/acme/widgets/${itemPath}/${item.number}`);
      expect(item.title).toBeTypeOf('string');
    }
  });

  it('gives unanswered items how long they waited, longest first', () => {
    const items = listMetricItems(aContext(cases[0]!.activity), 'unanswered_prs');
    expect(items.map((item) => item.waiting_hours)).toEqual([300, 80]);
  });

  it('dates what is not waiting: merged, due, closed, opened', () => {
    const dated = (list: ItemListName) => listMetricItems(aContext(cases.find((c) => c.list === list)!.activity), list)[0];
    expect(dated('merged_over_change_request')).toMatchObject({ at: t(40), at_label: 'merged' });
    expect(dated('overdue_milestones')).toMatchObject({ at: t(5), at_label: 'due', title: 'v1.42' });
    expect(dated('abandoned_first_prs')).toMatchObject({ at: t(80), at_label: 'closed' });
    expect(dated('regressions_opened')).toMatchObject({ at: t(5), at_label: 'opened' });
  });
});
