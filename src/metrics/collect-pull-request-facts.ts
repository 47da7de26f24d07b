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

/** Reused between PRs: facts are gathered here, then copied out at their exact size (a million records' facts stay compact). */
const scratch = { reviews: [] as ReviewFact[], responses: [] as ResponseFact[], requests: [] as ReviewRequestFact[], times: [] as number[] };

/** `list`'s items in a new array of exactly their number; `list` is emptied for the next PR. */
function takeAll<T>(list: T[]): T[] {
  const taken = list.slice();
  list.length = 0;
  return taken;
}

/** Events in time order (stable; they usually come sorted from the store), and their times. */
function orderEvents(events: readonly TimelineEventRecord[]): { events: readonly TimelineEventRecord[]; times: number[] } {
  const times = events.map((event) => parseTimestamp(event.at));
  for (let i = 1; i < times.length; i += 1) {
    if (times[i]! < times[i - 1]!) {
      const sorted = events.map((event, j) => ({ event, atMs: times[j]! })).sort((a, b) => a.atMs - b.atMs);
      return { events: sorted.map(({ event }) => event), times: sorted.map(({ atMs }) => atMs) };
    }
  }
  return { events, times };
}

/**
 * Derives a PR's window-independent facts: its start (`createdAt`, or the first `ready_for_review` of a PR opened as
 * draft; `null` for a never-ready draft), its draft periods after the start, its human non-author reviews,
 * responses and review requests in time order (command comments as `classify` says), its author's pushes and
 * comments, and who closed it. A PR whose first draft transition is `ready_for_review` was opened as a draft even
 * when its record does not say so (its opening was delivered before the store's history began). Each child is
 * visited and each time parsed once, with no intermediate arrays.
 */
export function collectPullRequestFacts(pr: PullRequestRecord, children: PullRequestChildren): PullRequestFacts {
  const { isHuman } = children;
  for (const list of Object.values(scratch)) list.length = 0;
  const createdMs = parseTimestamp(pr.createdAt);
  const { events, times } = orderEvents(children.events);

  let firstTransition: TimelineEventRecord['kind'] | null = null;
  for (const event of events) {
    if (event.kind === 'ready_for_review' || event.kind === 'converted_to_draft') {
      firstTransition = event.kind;
      break;
    }
  }
  const openedAsDraft = pr.openedAsDraft || firstTransition === 'ready_for_review';
  let startMs: number | null = openedAsDraft ? null : createdMs;
  let draft = openedAsDraft;
  let draftSince = createdMs;
  let draftPeriods: Array<readonly [number, number]> | null = null;
  const { requests, times: authorTimes } = scratch;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i]!;
    const atMs = times[i]!;
    if (event.kind === 'ready_for_review' && draft) {
      draft = false;
      if (startMs === null) startMs = atMs;
      else (draftPeriods ??= []).push([draftSince, atMs]);
    } else if (event.kind === 'converted_to_draft' && !draft && startMs !== null) {
      draft = true;
      draftSince = atMs;
    } else if (
      (event.kind === 'review_requested' || event.kind === 'review_request_removed') &&
      event.subjectType === 'user' &&
      isHuman(event.subject)
    ) {
      requests.push({ reviewer: event.subject, requested: event.kind === 'review_requested', atMs });
    } else if (event.kind === 'pushed' && (event.actor === null || event.actor === pr.author)) {
      authorTimes.push(atMs);
    }
  }
  if (draft && startMs !== null) (draftPeriods ??= []).push([draftSince, Infinity]);
  const reviewRequests = takeAll(requests);

  // Reviews first, then review commands (`/lgtm`: a review by that human at that time, with no review state), in
  // time order; responses are the reviews, then ordinary comments by other humans, in time order.
  const classify = children.classify ?? (() => 'response');
  const { reviews: reviewList, responses: responseList } = scratch;
  for (const review of children.reviews) {
    if (review.state !== 'PENDING' && review.submittedAt !== null && review.author !== pr.author && isHuman(review.author)) {
      reviewList.push({ reviewer: review.author, state: review.state, atMs: parseTimestamp(review.submittedAt) });
    }
  }
  for (const comment of children.comments) {
    if (comment.author === pr.author) {
      if (classify(comment) !== 'ignored') authorTimes.push(parseTimestamp(comment.createdAt));
    } else if (isHuman(comment.author)) {
      const commentClass = classify(comment);
      if (commentClass === 'review') reviewList.push({ reviewer: comment.author, state: 'COMMENTED', atMs: parseTimestamp(comment.createdAt) });
      else if (commentClass === 'response') responseList.push({ login: comment.author, atMs: parseTimestamp(comment.createdAt) });
    }
  }
  const reviews: ReviewFact[] = sortByTime(takeAll(reviewList));
  const fromComments = takeAll(responseList);
  const responses: ResponseFact[] = new Array(reviews.length + fromComments.length);
  for (let i = 0; i < reviews.length; i += 1) responses[i] = { login: reviews[i]!.reviewer, atMs: reviews[i]!.atMs };
  for (let i = 0; i < fromComments.length; i += 1) responses[reviews.length + i] = fromComments[i]!;
  sortByTime(responses);
  const authorActivity = authorTimes.length === 0 ? NO_TIMES : takeAll(authorTimes).sort((a, b) => a - b);
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
    authorActivityMs: authorActivity,
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
