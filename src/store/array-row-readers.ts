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
  read(values: readonly unknown[], repoId: number, intern?: Intern): R;
}

/**
 * Gives one string for equal strings. The driver makes a new string of every value it reads; records keep the
 * repeated ones (logins, types, states, kinds) shared, so a report's hundreds of thousands of records hold a few
 * thousand distinct strings instead of a million copies for the garbage collector to move and mark.
 */
export type Intern = (text: string) => string;

/** Keeps strings as the driver made them. */
const asRead: Intern = (text) => text;

/** An {@link Intern} whose strings live as long as it does (one read). */
export function createIntern(): Intern {
  const pool = new Map<string, string>();
  return (text) => {
    const pooled = pool.get(text);
    if (pooled !== undefined) return pooled;
    pool.set(text, text);
    return text;
  };
}

/**
 * `later`, or the very string `earlier` when they are equal (an unedited comment's update time, a merge's close
 * time): one string kept instead of two.
 */
const sameOr = <T extends string | null>(later: T, earlier: string | null): T => (later !== null && later === earlier ? (earlier as T) : later);

/** {@link Intern} of a value that may be `null`. */
const internNullable = (intern: Intern, text: string | null) => (text === null ? null : intern(text));

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
  spec: { table: T; columns: Columns; notRead: NotRead; read: (values: ValuesOf<T, Columns>, repoId: number, intern?: Intern) => R },
  ..._everyColumn: [Unaccounted<T, Columns, NotRead>] extends [never] ? [] : [missingColumns: Unaccounted<T, Columns, NotRead>]
): ArrayRowReader<R> {
  return { columns: spec.columns, read: spec.read as ArrayRowReader<R>['read'] };
}

const list = (text: string) => JSON.parse(text) as string[];

/** A JSON list of strings, each interned. */
export function internedList(text: string, intern: Intern): string[] {
  const items = list(text);
  for (let i = 0; i < items.length; i += 1) items[i] = intern(items[i]!);
  return items;
}

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
    intern = asRead,
  ) => ({
    repoId,
    id: Number(id),
    number,
    title,
    author: intern(author),
    authorType: intern(authorType),
    authorAssociation: intern(authorAssociation),
    state: intern(state) as PullRequestRecord['state'],
    draft: draft === 1,
    openedAsDraft: openedAsDraft === 1,
    createdAt,
    updatedAt: sameOr(updatedAt, closedAt),
    closedAt,
    mergedAt: sameOr(mergedAt, closedAt),
    mergedBy: internNullable(intern, mergedBy),
    additions,
    deletions,
    changedFiles,
    labels: internedList(labels, intern),
    milestoneNumber,
    baseRef: intern(baseRef),
    headRef,
    headSha,
    openedAuthorAssociation: internNullable(intern, openedAuthorAssociation),
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
    intern = asRead,
  ) => ({
    repoId,
    id: Number(id),
    number,
    title,
    author: intern(author),
    authorType: intern(authorType),
    authorAssociation: intern(authorAssociation),
    state: intern(state) as IssueRecord['state'],
    createdAt,
    updatedAt: sameOr(updatedAt, closedAt),
    closedAt,
    closedBy: null,
    labels: internedList(labels, intern),
    milestoneNumber,
    assignees: internedList(assignees, intern),
  }),
});

export const REVIEW_READER: ArrayRowReader<ReviewRecord> = defineArrayRowReader({
  table: 'reviews',
  notRead: ['version'],
  columns: ['id', 'pr_number', 'author', 'author_type', 'state', 'submitted_at', 'commit_id'],
  read: ([id, prNumber, author, authorType, state, submittedAt, commitId], repoId, intern = asRead) => ({
    repoId,
    id: Number(id),
    prNumber,
    author: intern(author),
    authorType: intern(authorType),
    state: intern(state) as ReviewState,
    submittedAt,
    commitId,
  }),
});

export const COMMENT_READER: ArrayRowReader<CommentRecord> = defineArrayRowReader({
  table: 'comments',
  notRead: ['version'],
  columns: ['kind', 'id', 'item_number', 'on_pull_request', 'author', 'author_type', 'created_at', 'updated_at', 'commands'],
  read: ([kind, id, itemNumber, onPullRequest, author, authorType, createdAt, updatedAt, commands], repoId, intern = asRead) => ({
    repoId,
    id: Number(id),
    kind: intern(kind) as CommentRecord['kind'],
    itemNumber,
    onPullRequest: onPullRequest === 1,
    author: intern(author),
    authorType: intern(authorType),
    createdAt,
    updatedAt: sameOr(updatedAt, createdAt),
    deleted: false,
    // Most comments are ordinary: skip parsing their empty list.
    commands: commands === '[]' ? [] : internedList(commands, intern),
  }),
});

export const EVENT_READER: ArrayRowReader<TimelineEventRecord> = defineArrayRowReader({
  table: 'timeline_events',
  notRead: [],
  columns: ['item_number', 'item_kind', 'kind', 'actor', 'subject', 'subject_type', 'at'],
  read: ([itemNumber, itemKind, kind, actor, subject, subjectType, at], repoId, intern = asRead) => ({
    repoId,
    itemNumber,
    itemKind: intern(itemKind) as TimelineEventRecord['itemKind'],
    kind: intern(kind) as TimelineEventRecord['kind'],
    actor: internNullable(intern, actor),
    subject: intern(subject),
    subjectType: intern(subjectType) as TimelineEventRecord['subjectType'],
    at,
  }),
});
