import type { CommentRecord, PullRequestRecord, ReviewRecord, TimelineEventRecord } from '../core/records.js';
import type { PullRequestFacts, ResponseFact, ReviewFact, ReviewRequestFact } from './activity-facts.js';
import { parseTimestamp } from './parse-timestamp.js';

/** A PR's children, grouped by the indexer. */
export interface PullRequestChildren {
  reviews: readonly ReviewRecord[];
  comments: readonly CommentRecord[];
  /** Only the kinds metrics read (see `METRIC_EVENT_KINDS`), in any order. */
  events: readonly TimelineEventRecord[];
  isHuman: (login: string) => boolean;
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
 * draft; `null` for a never-ready draft), its draft periods after the start, and its human non-author reviews,
 * responses and review requests in time order. A PR whose first draft transition is `ready_for_review` was opened as
 * a draft even when its record does not say so (its opening was delivered before the store's history began).
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
  const reviews: ReviewFact[] = sortByTime(
    children.reviews
      .filter((review) => review.state !== 'PENDING' && review.submittedAt !== null && review.author !== pr.author && isHuman(review.author))
      .map((review) => ({
        reviewer: review.author,
        state: review.state as ReviewFact['state'],
        atMs: parseTimestamp(review.submittedAt!),
      })),
  );
  const responses: ResponseFact[] = sortByTime(
    reviews
      .map((review) => ({ login: review.reviewer, atMs: review.atMs }))
      .concat(
        children.comments
          .filter((comment) => comment.author !== pr.author && isHuman(comment.author))
          .map((comment) => ({ login: comment.author, atMs: parseTimestamp(comment.createdAt) })),
      ),
  );

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
    firstOfAuthor: false,
    firstOfAuthorUnknown: false,
    lastActivityMs:
      closedMs === null
        ? Infinity
        : Math.max(createdMs, startMs ?? -Infinity, mergedMs ?? -Infinity, closedMs, latestOf(responses), latestOf(reviewRequests)),
  };
}
