import type { CommentRecord, PullRequestRecord, ReviewRecord, TimelineEventRecord } from '../core/records.js';
import type { PullRequestFacts, ResponseFact, ReviewFact, ReviewRequestFact } from './activity-facts.js';
import { CLOSE_COMMAND, type CommentClass } from './classify-comment.js';
import { parseTimestamp } from './parse-timestamp.js';

/** A PR's children, grouped by the indexer. */
export interface PullRequestChildren {
  reviews: readonly ReviewRecord[];
  comments: readonly CommentRecord[];
  /** Only the kinds metrics read (see `METRIC_EVENT_KINDS`), in any order. */
  events: readonly TimelineEventRecord[];
  isHuman: (login: string) => boolean;
  /** How a comment counts (see `createCommentClassifier`); every comment is a response when absent. */
  classify?: (comment: CommentRecord) => CommentClass;
}

const NO_TIMES: readonly number[] = Object.freeze([]);

/** The latest `/close` command by a human, and the actor of the latest `closed` event, among an item's children. */
export function findCloseFacts(
  comments: readonly CommentRecord[],
  events: readonly TimelineEventRecord[],
  isHuman: (login: string) => boolean,
): { closeRequestMs: number | null; closedBy: string | null } {
  let closeRequestMs: number | null = null;
  for (const comment of comments) {
    if (!comment.commands.includes(CLOSE_COMMAND) || !isHuman(comment.author)) continue;
    const atMs = parseTimestamp(comment.createdAt);
    if (closeRequestMs === null || atMs > closeRequestMs) closeRequestMs = atMs;
  }
  let closedBy: string | null = null;
  let closedAt = '';
  for (const event of events) {
    if (event.kind === 'closed' && event.at >= closedAt) {
      closedAt = event.at;
      closedBy = event.actor;
    }
  }
  return { closeRequestMs, closedBy };
}

const NO_DRAFT_PERIODS: ReadonlyArray<readonly [number, number]> = Object.freeze([]);

/** Sorts facts by time unless they already are (they usually come sorted from the store). */
export function sortByTime<T extends { atMs: number }>(facts: T[]): T[] {
  for (let i = 1; i < facts.length; i += 1) {
    if (facts[i]!.atMs < facts[i - 1]!.atMs) return facts.sort((a, b) => a.atMs - b.atMs);
  }
  return facts;
}

/** The time of the first fact at or after `fromMs` in time-sorted facts; `null` when none or no start. */
function firstAtOrAfter(facts: readonly { atMs: number }[], fromMs: number | null): number | null {
  if (fromMs === null) return null;
  for (const fact of facts) if (fact.atMs >= fromMs) return fact.atMs;
  return null;
}

/**
 * Derives a PR's window-independent facts: its start (`createdAt`, or the first `ready_for_review` of a PR opened as
 * draft; `null` for a never-ready draft), its draft periods after the start, its human non-author reviews,
 * responses and review requests in time order (command comments as `classify` says), its author's pushes and
 * comments, and who closed it. A PR whose first draft transition is `ready_for_review` was opened as a draft even
 * when its record does not say so (its opening was delivered before the store's history began).
 */
export function collectPullRequestFacts(pr: PullRequestRecord, children: PullRequestChildren): PullRequestFacts {
  const { isHuman } = children;
  const createdMs = parseTimestamp(pr.createdAt);
  const events = sortByTime(children.events.map((event) => ({ event, atMs: parseTimestamp(event.at) })));

  const firstTransition = events.find(({ event }) => event.kind === 'ready_for_review' || event.kind === 'converted_to_draft');
  const openedAsDraft = pr.openedAsDraft || firstTransition?.event.kind === 'ready_for_review';
  let startMs: number | null = openedAsDraft ? null : createdMs;
  let draft = openedAsDraft;
  let draftSince = createdMs;
  let draftPeriods: Array<readonly [number, number]> | null = null;
  for (const { event, atMs } of events) {
    if (event.kind === 'ready_for_review' && draft) {
      draft = false;
      if (startMs === null) startMs = atMs;
      else (draftPeriods ??= []).push([draftSince, atMs]);
    } else if (event.kind === 'converted_to_draft' && !draft && startMs !== null) {
      draft = true;
      draftSince = atMs;
    }
  }
  if (draft && startMs !== null) (draftPeriods ??= []).push([draftSince, Infinity]);

  // Exact-size arrays (filter, then map): a million records' facts stay compact.
  const reviewRequests: ReviewRequestFact[] = events
    .filter(
      ({ event }) =>
        (event.kind === 'review_requested' || event.kind === 'review_request_removed') &&
        event.subjectType === 'user' &&
        isHuman(event.subject),
    )
    .map(({ event, atMs }) => ({ reviewer: event.subject, requested: event.kind === 'review_requested', atMs }));
  const classify = children.classify ?? (() => 'response');
  const otherHumans = children.comments.filter((comment) => comment.author !== pr.author && isHuman(comment.author));
  const commentClasses = otherHumans.map(classify);
  const reviews: ReviewFact[] = sortByTime(
    children.reviews
      .filter((review) => review.state !== 'PENDING' && review.submittedAt !== null && review.author !== pr.author && isHuman(review.author))
      .map((review) => ({
        reviewer: review.author,
        state: review.state as ReviewFact['state'],
        atMs: parseTimestamp(review.submittedAt!),
      }))
      .concat(
        // A review command (`/lgtm`) is a review by that human at that time; it sets no review state.
        otherHumans
          .filter((_, i) => commentClasses[i] === 'review')
          .map((comment) => ({ reviewer: comment.author, state: 'COMMENTED' as const, atMs: parseTimestamp(comment.createdAt) })),
      ),
  );
  const responses: ResponseFact[] = sortByTime(
    reviews
      .map((review) => ({ login: review.reviewer, atMs: review.atMs }))
      .concat(
        otherHumans
          .filter((_, i) => commentClasses[i] === 'response')
          .map((comment) => ({ login: comment.author, atMs: parseTimestamp(comment.createdAt) })),
      ),
  );
  const authorActivity = events
    .filter(({ event }) => event.kind === 'pushed' && (event.actor === null || event.actor === pr.author))
    .map(({ atMs }) => atMs)
    .concat(
      children.comments
        .filter((comment) => comment.author === pr.author && classify(comment) !== 'ignored')
        .map((comment) => parseTimestamp(comment.createdAt)),
    );
  const closeFacts = pr.state === 'open' ? { closeRequestMs: null, closedBy: null } : findCloseFacts(children.comments, children.events, isHuman);

  const mergedMs = pr.mergedAt === null ? null : parseTimestamp(pr.mergedAt);
  const closedMs = pr.state === 'open' || pr.closedAt === null ? null : parseTimestamp(pr.closedAt);
  const latestOf = (facts: readonly { atMs: number }[]) => facts.at(-1)?.atMs ?? -Infinity;
  return {
    record: pr,
    humanAuthor: isHuman(pr.author),
    createdMs,
    startMs,
    mergedMs,
    closedMs,
    draftPeriods: draftPeriods ?? NO_DRAFT_PERIODS,
    reviews,
    responses,
    reviewRequests,
    firstResponseMs: firstAtOrAfter(responses, startMs),
    firstReviewMs: firstAtOrAfter(reviews, startMs),
    size: pr.additions === null || pr.deletions === null ? null : pr.additions + pr.deletions,
    authorActivityMs: authorActivity.length === 0 ? NO_TIMES : authorActivity.sort((a, b) => a - b),
    closedBy: closeFacts.closedBy,
    closeRequestMs: closeFacts.closeRequestMs,
    firstOfAuthor: false,
    firstOfAuthorUnknown: false,
    lastActivityMs:
      closedMs === null
        ? Infinity
        : Math.max(createdMs, startMs ?? -Infinity, mergedMs ?? -Infinity, closedMs, latestOf(responses), latestOf(reviewRequests)),
  };
}
