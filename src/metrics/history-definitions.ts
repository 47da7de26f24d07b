import type { ActivityKind, EarliestPullRequestsQuestion, HistoryQuestions } from '../core/history-questions.js';

/**
 * What counts as a login's activity for `stale_owners` (and the "last active" of the owners it lists): a submitted
 * review (not a pending one), a comment, a PR they opened. The store's look-backs (`history.activeLogins`,
 * `history.lastActive`) and the in-memory path (`listActiveLogins`) both answer for exactly these kinds.
 */
export const STALE_OWNER_ACTIVITY: readonly ActivityKind[] = [
  { records: 'reviews', at: 'submittedAt', exceptStates: ['PENDING'] },
  { records: 'comments', at: 'createdAt' },
  { records: 'pullRequests', at: 'createdAt' },
];

/**
 * Which PRs make an author's first and second PR (`first_time_contributors`, `returning_contributor_rate_90d`,
 * `abandoned_first_prs`, the PR comment's welcome): their earliest two by creation time, then number; drafts count
 * (opening a draft is a contribution). Bots are left out by the reader (`isHuman`: the contributor's type and
 * `ignore_users`), not here: the store lists every author.
 */
export const FIRST_PULL_REQUESTS: EarliestPullRequestsQuestion = { perAuthor: 2, includeDrafts: true };

/**
 * The questions a report asks the store about the history for these stale-owner look-backs; who was active, of
 * `owners` only (lower case) when given: `stale_owners` asks about nobody else.
 */
export function reportHistoryQuestions(ranges: ReadonlyArray<{ from: string; to: string }>, owners?: readonly string[]): HistoryQuestions {
  return { activity: { kinds: STALE_OWNER_ACTIVITY, ranges, ...(owners ? { logins: owners } : {}) }, earliestPullRequests: FIRST_PULL_REQUESTS };
}

/** Whether a PR counts towards its author's earliest PRs ({@link FIRST_PULL_REQUESTS}); the store applies the same. */
export function countsTowardsFirstPullRequests(pr: { draft: boolean }): boolean {
  return FIRST_PULL_REQUESTS.includeDrafts || !pr.draft;
}
