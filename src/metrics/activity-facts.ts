import type { IssueRecord, MilestoneRecord, PullRequestRecord, ReviewState } from '../core/records.js';

/**
 * Facts derived once per record when activity is indexed, independent of the window. Times are epoch ms. Only
 * human actors appear in `reviews`, `responses` and `reviewRequests`; the item's author never does.
 */

/** A submitted (not `PENDING`) review by a human who is not the PR's author. */
export interface ReviewFact {
  reviewer: string;
  state: Exclude<ReviewState, 'PENDING'>;
  atMs: number;
}

/**
 * A response by a human non-author: a comment (conversation or diff line) or a submitted review. Command comments
 * count only as `classifyComment` says: a review command (`/lgtm`) is a response and a review, others are neither.
 */
export interface ResponseFact {
  login: string;
  atMs: number;
}

/** A user review request being made (`requested: true`) or removed, for a human reviewer. */
export interface ReviewRequestFact {
  reviewer: string;
  requested: boolean;
  atMs: number;
}

export interface PullRequestFacts {
  record: PullRequestRecord;
  /** The author is a human (not a bot, not in `ignoreUsers`). Bot-authored PRs are left out of PR metrics. */
  humanAuthor: boolean;
  createdMs: number;
  /** `createdAt`, or the first `ready_for_review` of a PR opened as draft; `null` for a never-ready draft. */
  startMs: number | null;
  mergedMs: number | null;
  /** When it was closed; `null` while open (a reopened PR is open). */
  closedMs: number | null;
  /** Draft periods after the start, `[from, to)`; `to` is `Infinity` while still a draft. */
  draftPeriods: ReadonlyArray<readonly [number, number]>;
  /** Ascending by time. */
  reviews: readonly ReviewFact[];
  /** Ascending by time. */
  responses: readonly ResponseFact[];
  /** Ascending by time. */
  reviewRequests: readonly ReviewRequestFact[];
  /** First response at or after the start; `null` when none (or no start). */
  firstResponseMs: number | null;
  /** First submitted review at or after the start; `null` when none (or no start). */
  firstReviewMs: number | null;
  /** `additions + deletions`, `null` when unknown. */
  size: number | null;
  /**
   * When the author acted on the PR, ascending: pushes to it (by the author, or by an account GitHub could not tell)
   * and comments that are not ignored commands. After a change request, this hands the turn back to the reviewers.
   */
  authorActivityMs: readonly number[];
  /** Who closed it (the actor of its latest `closed` event); `null` while open or when unknown. */
  closedBy: string | null;
  /** The latest `/close` command comment by a human (the author too): a bot closing it then closes on their word. */
  closeRequestMs: number | null;
  /** The author's first PR in the repository (by opening time), as far as the history tells. */
  firstOfAuthor: boolean;
  /**
   * The author's first stored PR, but the history cannot tell whether it is their first in the repository (an
   * earlier PR may predate what the store holds): metrics over first PRs that would include it are `null`.
   */
  firstOfAuthorUnknown: boolean;
  /** The latest time any metric reads from this PR; `Infinity` while it is open. */
  lastActivityMs: number;
}

export interface IssueFacts {
  record: IssueRecord;
  humanAuthor: boolean;
  createdMs: number;
  closedMs: number | null;
  /** First comment by a human non-author, or the issue's close by one; `null` when none. */
  firstResponseMs: number | null;
  /** Who closed it (the actor of its latest `closed` event, else the snapshot's `closedBy`); `null` while open or unknown. */
  closedBy: string | null;
  /** The latest `/close` command comment by a human (the author too): a bot closing it then closes on their word. */
  closeRequestMs: number | null;
  /** The latest time any metric reads from this issue; `Infinity` while it is open. */
  lastActivityMs: number;
}

export interface MilestoneFacts {
  record: MilestoneRecord;
  createdMs: number;
  dueMs: number | null;
  closedMs: number | null;
}

export interface ReleaseFacts {
  tagName: string;
  prerelease: boolean;
  publishedMs: number;
}

/** A human author's first two PRs in the repository, for first-time-contributor metrics. */
export interface AuthorHistory {
  firstNumber: number;
  firstCreatedMs: number;
  /** When their second PR was opened; `null` when there is none. */
  secondCreatedMs: number | null;
  /** Whether `firstNumber` is their first PR in the repository; `null` when the history cannot tell. */
  firstIsFirstPr: boolean | null;
}

/** `true` when an item exists at `atMs` and is not closed by then. */
export function isOpenAt(item: { createdMs: number; closedMs: number | null }, atMs: number): boolean {
  return item.createdMs < atMs && (item.closedMs === null || item.closedMs >= atMs);
}

/** `true` when `atMs` falls in `[fromMs, toMs)`. */
export function isWithin(atMs: number | null, fromMs: number, toMs: number): atMs is number {
  return atMs !== null && atMs >= fromMs && atMs < toMs;
}
