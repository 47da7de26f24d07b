import type { CommentRecord, IssueRecord, TimelineEventRecord } from '../core/records.js';
import type { IssueFacts } from './activity-facts.js';
import type { CommentClass } from './classify-comment.js';
import { findCloseFacts } from './collect-pull-request-facts.js';
import { parseTimestamp } from './parse-timestamp.js';

/** An issue's children, grouped by the indexer. */
export interface IssueChildren {
  comments: readonly CommentRecord[];
  events: readonly TimelineEventRecord[];
  isHuman: (login: string) => boolean;
  /** How a comment counts (see `createCommentClassifier`); every comment is a response when absent. */
  classify?: (comment: CommentRecord) => CommentClass;
}

/**
 * Derives an issue's window-independent facts. Its first response is the earliest comment by a human non-author or
 * close by one (from `closed` events, or the snapshot's `closedBy`/`closedAt`), at or after its creation; an ignored
 * command comment (`/retest`, `/assign`) is no response.
 */
export function collectIssueFacts(issue: IssueRecord, children: IssueChildren): IssueFacts {
  const { isHuman } = children;
  const createdMs = parseTimestamp(issue.createdAt);
  const closedMs = issue.state === 'open' || issue.closedAt === null ? null : parseTimestamp(issue.closedAt);
  const respondent = (login: string | null) => login !== null && login !== issue.author && isHuman(login);

  let firstResponseMs = Infinity;
  const consider = (atMs: number) => {
    if (atMs >= createdMs && atMs < firstResponseMs) firstResponseMs = atMs;
  };
  for (const comment of children.comments) {
    if (respondent(comment.author) && children.classify?.(comment) !== 'ignored') consider(parseTimestamp(comment.createdAt));
  }
  for (const event of children.events) {
    if (event.kind === 'closed' && respondent(event.actor)) consider(parseTimestamp(event.at));
  }
  if (issue.closedAt !== null && respondent(issue.closedBy)) consider(parseTimestamp(issue.closedAt));

  const closeFacts = closedMs === null ? { closeRequestMs: null, closedBy: null } : findCloseFacts(children.comments, children.events, isHuman);
  return {
    record: issue,
    closedBy: closeFacts.closedBy ?? issue.closedBy,
    closeRequestMs: closeFacts.closeRequestMs,
    humanAuthor: isHuman(issue.author),
    createdMs,
    closedMs,
    firstResponseMs: firstResponseMs === Infinity ? null : firstResponseMs,
    lastActivityMs: closedMs === null ? Infinity : Math.max(closedMs, firstResponseMs === Infinity ? -Infinity : firstResponseMs),
  };
}
