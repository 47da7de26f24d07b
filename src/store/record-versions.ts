import { createHash } from 'node:crypto';
import type {
  CommentRecord,
  IssueRecord,
  MilestoneRecord,
  PullRequestRecord,
  ReleaseRecord,
  ReviewRecord,
} from '../core/records.js';

/**
 * Merge order of record snapshots. When two snapshots of one record meet, the one with the greater version (a plain
 * string comparison) is kept. Versions start with the snapshot's time, so the newest wins; equal times fall back to a
 * content hash, so the winner never depends on arrival order. That makes applying snapshots commutative and idempotent.
 */

function contentHash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** The core facet of a PR (everything but size and merger). */
export function pullRequestVersion(pr: PullRequestRecord): string {
  const { additions, deletions, changedFiles, mergedBy, openedAsDraft, openedAuthorAssociation, ...core } = pr;
  return `${pr.updatedAt}|${contentHash(core)}`;
}

/**
 * The size facet: only full PR payloads carry it (review and comment payloads do not). A snapshot without it has the
 * empty version and never overwrites sizes a full payload brought.
 */
export function pullRequestDetailVersion(pr: PullRequestRecord): string {
  if (pr.additions === null && pr.deletions === null && pr.changedFiles === null && pr.mergedBy === null) return '';
  return `${pr.updatedAt}|${contentHash([pr.additions, pr.deletions, pr.changedFiles, pr.mergedBy])}`;
}

export function issueVersion(issue: IssueRecord): string {
  return `${issue.updatedAt}|${contentHash(issue)}`;
}

/** A dismissal outranks any other state of the same review. */
export function reviewVersion(review: ReviewRecord): string {
  return `${review.state === 'DISMISSED' ? 1 : 0}|${contentHash(review)}`;
}

export function commentVersion(comment: CommentRecord): string {
  return `${comment.updatedAt}|${contentHash(comment)}`;
}

export function milestoneVersion(milestone: MilestoneRecord): string {
  return `${milestone.updatedAt}|${contentHash(milestone)}`;
}

/** Releases carry no update time: a published one outranks a draft, then the content hash decides. */
export function releaseVersion(release: ReleaseRecord): string {
  return `${release.publishedAt ?? ''}|${contentHash(release)}`;
}
