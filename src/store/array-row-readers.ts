import type {
  CommentRecord,
  IssueRecord,
  PullRequestRecord,
  ReviewRecord,
  ReviewState,
  TimelineEventRecord,
} from '../core/records.js';

import type { Database } from './database.js';

/**
 * Records read from rows selected as arrays of `columns` (no per-row objects from the driver: reading a report's
 * hundred thousand rows is dominated by them). `repoId` comes from the query, not from every row.
 */
export interface ArrayRowReader<R> {
  columns: readonly string[];
  read(values: readonly unknown[], repoId: number): R;
}

type Table = keyof Database;
type ColumnOf<T extends Table> = keyof Database[T] & string;

/** One row's values selected as `Columns`, in their order, each typed as the table declares it. */
type ValuesOf<T extends Table, Columns extends readonly ColumnOf<T>[]> = { readonly [I in keyof Columns]: Database[T][Columns[I]] };

/** The columns of `T` neither read nor declared unread: must be none. */
type Unaccounted<T extends Table, Columns extends readonly ColumnOf<T>[], NotRead extends readonly ColumnOf<T>[]> = Exclude<
  ColumnOf<T>,
  Columns[number] | NotRead[number] | 'installation_id' | 'repo_id'
>;

/**
 * A reader of `table`'s rows (text columns holding a record's union, such as `state`, are narrowed in `read`: the
 * store wrote them from the record). Every column of the table type is either in `columns` (read, its value typed by the
 * table in `read`'s tuple) or in `notRead` (merge versions, for example); `installation_id` and `repo_id` come from
 * the query. A column the table gains and neither lists fails compilation here: the call then asks for one more
 * argument, whose type names the missing columns.
 */
export function defineArrayRowReader<T extends Table, const Columns extends readonly ColumnOf<T>[], const NotRead extends readonly ColumnOf<T>[], R>(
  spec: { table: T; columns: Columns; notRead: NotRead; read: (values: ValuesOf<T, Columns>, repoId: number) => R },
  ..._everyColumn: [Unaccounted<T, Columns, NotRead>] extends [never] ? [] : [missingColumns: Unaccounted<T, Columns, NotRead>]
): ArrayRowReader<R> {
  return { columns: spec.columns, read: spec.read as (values: readonly unknown[], repoId: number) => R };
}

const list = (text: string) => JSON.parse(text) as string[];

export const PULL_REQUEST_READER: ArrayRowReader<PullRequestRecord> = defineArrayRowReader({
  table: 'pull_requests',
  notRead: ['version', 'detail_version'],
  columns: [
    'number', 'id', 'title', 'author', 'author_type', 'author_association', 'state', 'draft', 'opened_as_draft', 'created_at',
    'updated_at', 'closed_at', 'merged_at', 'merged_by', 'additions', 'deletions', 'changed_files', 'labels', 'milestone_number',
    'base_ref', 'head_ref', 'head_sha', 'opened_author_association',
  ],
  read: (
    [number, id, title, author, authorType, authorAssociation, state, draft, openedAsDraft, createdAt, updatedAt, closedAt,
      mergedAt, mergedBy, additions, deletions, changedFiles, labels, milestoneNumber, baseRef, headRef, headSha,
      openedAuthorAssociation],
    repoId,
  ) => ({
    repoId,
    id: Number(id),
    number,
    title,
    author,
    authorType,
    authorAssociation,
    state: state as PullRequestRecord['state'],
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
});

/** `closedBy` is left `null`: it is the actor of the issue's latest `closed` event, filled in by the reader. */
export const ISSUE_READER: ArrayRowReader<IssueRecord> = defineArrayRowReader({
  table: 'issues',
  notRead: ['version'],
  columns: [
    'number', 'id', 'title', 'author', 'author_type', 'author_association', 'state', 'created_at', 'updated_at', 'closed_at',
    'labels', 'milestone_number', 'assignees',
  ],
  read: (
    [number, id, title, author, authorType, authorAssociation, state, createdAt, updatedAt, closedAt, labels, milestoneNumber,
      assignees],
    repoId,
  ) => ({
    repoId,
    id: Number(id),
    number,
    title,
    author,
    authorType,
    authorAssociation,
    state: state as IssueRecord['state'],
    createdAt,
    updatedAt,
    closedAt,
    closedBy: null,
    labels: list(labels),
    milestoneNumber,
    assignees: list(assignees),
  }),
});

export const REVIEW_READER: ArrayRowReader<ReviewRecord> = defineArrayRowReader({
  table: 'reviews',
  notRead: ['version'],
  columns: ['id', 'pr_number', 'author', 'author_type', 'state', 'submitted_at', 'commit_id'],
  read: ([id, prNumber, author, authorType, state, submittedAt, commitId], repoId) => ({
    repoId,
    id: Number(id),
    prNumber,
    author,
    authorType,
    state: state as ReviewState,
    submittedAt,
    commitId,
  }),
});

export const COMMENT_READER: ArrayRowReader<CommentRecord> = defineArrayRowReader({
  table: 'comments',
  notRead: ['version'],
  columns: ['kind', 'id', 'item_number', 'on_pull_request', 'author', 'author_type', 'created_at', 'updated_at', 'commands'],
  read: ([kind, id, itemNumber, onPullRequest, author, authorType, createdAt, updatedAt, commands], repoId) => ({
    repoId,
    id: Number(id),
    kind: kind as CommentRecord['kind'],
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
});

export const EVENT_READER: ArrayRowReader<TimelineEventRecord> = defineArrayRowReader({
  table: 'timeline_events',
  notRead: [],
  columns: ['item_number', 'item_kind', 'kind', 'actor', 'subject', 'subject_type', 'at'],
  read: ([itemNumber, itemKind, kind, actor, subject, subjectType, at], repoId) => ({
    repoId,
    itemNumber,
    itemKind: itemKind as TimelineEventRecord['itemKind'],
    kind: kind as TimelineEventRecord['kind'],
    actor,
    subject,
    subjectType: subjectType as TimelineEventRecord['subjectType'],
    at,
  }),
});
