import type { ReviewState } from './records.js';

/**
 * A kind of record that counts as its author's activity, and the time of the record the activity happened at. The
 * metrics choose which kinds count (`src/metrics/history-definitions.ts`); the store and the in-memory path only
 * answer for the kinds they are given.
 */
export type ActivityKind =
  /** A review at its submission, unless its state is one of `exceptStates` (a pending review was never submitted). */
  | { records: 'reviews'; at: 'submittedAt'; exceptStates: readonly ReviewState[] }
  /** A comment (on an issue or a PR, review comments included) at its creation. */
  | { records: 'comments'; at: 'createdAt' }
  /** A pull request opened by the author, at its creation. */
  | { records: 'pullRequests'; at: 'createdAt' };

/** Which of an author's PRs a history lists: their earliest, by creation time then number. */
export interface EarliestPullRequestsQuestion {
  /** How many of each author's earliest PRs: 1 (the first) or 2 (and when the second was opened). */
  perAuthor: 1 | 2;
  /** Whether PRs that are drafts count; `false` leaves them out as if they were never opened. */
  includeDrafts: boolean;
}

/**
 * Who did something of `kinds` in each of `ranges` (ISO times `[from, to]`, both included); of `logins` only (lower
 * case) when given, so a report whose stale owners are a few logins does not ask about everyone.
 */
export interface ActivityQuestion {
  kinds: readonly ActivityKind[];
  ranges: ReadonlyArray<{ from: string; to: string }>;
  logins?: readonly string[];
}

/**
 * The questions a read from a horizon answers about the whole stored history (`RepositoryHistory`), so a report need
 * not read a year of records: who was active when, and each author's earliest PRs. The answers depend only on the
 * stored records and these questions; what counts is the metrics' to say.
 */
export interface HistoryQuestions {
  activity: ActivityQuestion;
  earliestPullRequests: EarliestPullRequestsQuestion;
}

/** The records {@link forEachActivity} reads. */
export interface AuthoredRecords {
  reviews: ReadonlyArray<{ author: string; state: ReviewState; submittedAt: string | null }>;
  comments: ReadonlyArray<{ author: string; createdAt: string }>;
  pullRequests: ReadonlyArray<{ author: string; createdAt: string }>;
}

/**
 * Calls `visit` with the author and time of every record of `kinds` among `records` (records without a time are
 * skipped): the in-memory answer to the store's activity questions.
 */
export function forEachActivity(records: AuthoredRecords, kinds: readonly ActivityKind[], visit: (author: string, at: string) => void): void {
  for (const kind of kinds) {
    switch (kind.records) {
      case 'reviews':
        for (const review of records.reviews) {
          if (review.submittedAt !== null && !kind.exceptStates.includes(review.state)) visit(review.author, review.submittedAt);
        }
        break;
      case 'comments':
        for (const comment of records.comments) visit(comment.author, comment.createdAt);
        break;
      case 'pullRequests':
        for (const pr of records.pullRequests) visit(pr.author, pr.createdAt);
        break;
    }
  }
}
