import type {
  CommentRecord,
  IssueRecord,
  PullRequestRecord,
  ReviewRecord,
  ReviewState,
  TimelineEventRecord,
} from '../core/records.js';

/**
 * Records read from rows selected as arrays of `columns` (no per-row objects from the driver: reading a report's
 * hundred thousand rows is dominated by them). `repoId` comes from the query, not from every row.
 */
export interface ArrayRowReader<R> {
  columns: readonly string[];
  read(values: readonly unknown[], repoId: number): R;
}

type Values = readonly any[];

const list = (text: string) => JSON.parse(text) as string[];

export const PULL_REQUEST_READER: ArrayRowReader<PullRequestRecord> = {
  columns: [
    'number', 'id', 'title', 'author', 'author_type', 'author_association', 'state', 'draft', 'opened_as_draft', 'created_at',
    'updated_at', 'closed_at', 'merged_at', 'merged_by', 'additions', 'deletions', 'changed_files', 'labels', 'milestone_number',
    'base_ref', 'head_ref', 'head_sha', 'opened_author_association',
  ],
  read: (
    [number, id, title, author, authorType, authorAssociation, state, draft, openedAsDraft, createdAt, updatedAt, closedAt,
      mergedAt, mergedBy, additions, deletions, changedFiles, labels, milestoneNumber, baseRef, headRef, headSha,
      openedAuthorAssociation]: Values,
    repoId,
  ) => ({
    repoId,
    id: Number(id),
    number,
    title,
    author,
    authorType,
    authorAssociation,
    state,
    draft: draft === 1,
    openedAsDraft: openedAsDraft === 1,
    createdAt,
    updatedAt,
    closedAt,
    mergedAt,
    mergedBy,
    additions,
    deletions,
    changedFiles,
    labels: list(labels),
    milestoneNumber,
    baseRef,
    headRef,
    headSha,
    openedAuthorAssociation,
  }),
};

/** `closedBy` is left `null`: it is the actor of the issue's latest `closed` event, filled in by the reader. */
export const ISSUE_READER: ArrayRowReader<IssueRecord> = {
  columns: [
    'number', 'id', 'title', 'author', 'author_type', 'author_association', 'state', 'created_at', 'updated_at', 'closed_at',
    'labels', 'milestone_number', 'assignees',
  ],
  read: (
    [number, id, title, author, authorType, authorAssociation, state, createdAt, updatedAt, closedAt, labels, milestoneNumber,
      assignees]: Values,
    repoId,
  ) => ({
    repoId,
    id: Number(id),
    number,
    title,
    author,
    authorType,
    authorAssociation,
    state,
    createdAt,
    updatedAt,
    closedAt,
    closedBy: null,
    labels: list(labels),
    milestoneNumber,
    assignees: list(assignees),
  }),
};

export const REVIEW_READER: ArrayRowReader<ReviewRecord> = {
  columns: ['id', 'pr_number', 'author', 'author_type', 'state', 'submitted_at', 'commit_id'],
  read: ([id, prNumber, author, authorType, state, submittedAt, commitId]: Values, repoId) => ({
    repoId,
    id: Number(id),
    prNumber,
    author,
    authorType,
    state: state as ReviewState,
    submittedAt,
    commitId,
  }),
};

export const COMMENT_READER: ArrayRowReader<CommentRecord> = {
  columns: ['kind', 'id', 'item_number', 'on_pull_request', 'author', 'author_type', 'created_at', 'updated_at', 'commands'],
  read: ([kind, id, itemNumber, onPullRequest, author, authorType, createdAt, updatedAt, commands]: Values, repoId) => ({
    repoId,
    id: Number(id),
    kind,
    itemNumber,
    onPullRequest: onPullRequest === 1,
    author,
    authorType,
    createdAt,
    updatedAt,
    deleted: false,
    // Most comments are ordinary: skip parsing their empty list.
    commands: commands === '[]' ? [] : list(commands),
  }),
};

export const EVENT_READER: ArrayRowReader<TimelineEventRecord> = {
  columns: ['item_number', 'item_kind', 'kind', 'actor', 'subject', 'subject_type', 'at'],
  read: ([itemNumber, itemKind, kind, actor, subject, subjectType, at]: Values, repoId) => ({
    repoId,
    itemNumber,
    itemKind,
    kind,
    actor,
    subject,
    subjectType,
    at,
  }),
};
