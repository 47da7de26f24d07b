import type {
  CommentRecord,
  ContributorRecord,
  IssueRecord,
  MilestoneRecord,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryRecord,
  ReviewRecord,
  TimelineEventRecord,
} from '../core/records.js';

/** Something GitHub deleted. Tombstones are sticky: a record with a tombstone is never stored again. */
export interface Tombstone {
  repoId: number;
  kind: 'issue' | 'milestone' | 'release' | 'issue-comment' | 'review-comment';
  /** The issue or milestone number, or the release or comment id. */
  key: number;
}

/**
 * What one delivery contributes to the store. Applying a batch is a commutative merge (newest snapshot wins,
 * earliest first-seen wins, events are sets, tombstones are sticky), so order and repetition do not matter.
 */
export interface RecordBatch {
  installationId: number;
  repositories: RepositoryRecord[];
  pullRequests: PullRequestRecord[];
  issues: IssueRecord[];
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  events: TimelineEventRecord[];
  milestones: MilestoneRecord[];
  releases: ReleaseRecord[];
  contributors: ContributorRecord[];
  tombstones: Tombstone[];
}

export function emptyBatch(installationId: number): RecordBatch {
  return {
    installationId,
    repositories: [],
    pullRequests: [],
    issues: [],
    reviews: [],
    comments: [],
    events: [],
    milestones: [],
    releases: [],
    contributors: [],
    tombstones: [],
  };
}

/** Number of records a batch carries (for logs and replay statistics). */
export function countBatchRecords(batch: RecordBatch): number {
  return (
    batch.repositories.length +
    batch.pullRequests.length +
    batch.issues.length +
    batch.reviews.length +
    batch.comments.length +
    batch.events.length +
    batch.milestones.length +
    batch.releases.length +
    batch.contributors.length +
    batch.tombstones.length
  );
}
