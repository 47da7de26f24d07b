import type {
  CommentRecord,
  IssueRecord,
  PullRequestRecord,
  ReviewRecord,
  ReviewState,
  TimelineEventKind,
  TimelineEventRecord,
} from '../core/records.js';

import type { Database } from './database.js';

/**
 * Records read from rows selected as arrays of `columns` (no per-row objects from the driver: reading a report's
 * hundred thousand rows is dominated by them). `repoId` comes from the query, not from every row. `sent` says how
 * some columns are selected so the driver makes fewer strings (see {@link SentAs}); `read` takes the row as selected.
 */
export interface ArrayRowReader<R> {
  columns: readonly string[];
  sent: ReadonlyArray<SentAs<string> | undefined>;
  read(values: unknown[], repoId: number, intern?: Intern): R;
}

/**
 * How a column is selected when its plain value would cost a string per row (the driver makes a new string of every
 * text value it reads, the most of a read's time and garbage). Only for columns that are never `NULL`:
 * - `usually`: the column's usual value comes as `NULL` (an ordinary comment's `[]` commands);
 * - `sameAs`: the value comes as `NULL` when it equals that other column of the row (an unedited comment's update time);
 * - `oneOf`: a value of the list comes as its position in it (a kind, a state). SQLite only: PostgreSQL's types do
 *   not mix numbers and text in one column, so there the text comes. Values not in the list come as text.
 */
export type SentAs<Column extends string> = { usually: string } | { sameAs: Column } | { oneOf: readonly string[] };

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

/** The columns of `T` that are never `NULL` (a `NULL` can then stand for a value, see {@link SentAs}). */
type NotNullColumnOf<T extends Table> = { [C in ColumnOf<T>]: null extends Database[T][C] ? never : C }[ColumnOf<T>];

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
  spec: {
    table: T;
    columns: Columns;
    notRead: NotRead;
    /** How some never-`NULL` columns are selected; `read` gets their values back as stored. */
    sent?: { readonly [C in Columns[number] & NotNullColumnOf<T>]?: SentAs<Columns[number]> };
    read: (values: ValuesOf<T, Columns>, repoId: number, intern?: Intern) => R;
  },
  ..._everyColumn: [Unaccounted<T, Columns, NotRead>] extends [never] ? [] : [missingColumns: Unaccounted<T, Columns, NotRead>]
): ArrayRowReader<R> {
  const sentBy = (spec.sent ?? {}) as Partial<Record<string, SentAs<string>>>;
  const sent = spec.columns.map((column) => sentBy[column]);
  const decode = sent.flatMap((how, index) => (how ? [restoreValue(how, index, spec.columns, (other) => sent[other])] : []));
  const read = spec.read as unknown as ArrayRowReader<R>['read'];
  return {
    columns: spec.columns,
    sent,
    read:
      decode.length === 0
        ? read
        : (values, repoId, intern) => {
            for (const restore of decode) restore(values);
            return read(values, repoId, intern);
          },
  };
}

/** Puts back, in place, the stored value of the column at `index` of a row selected as {@link SentAs} says. */
function restoreValue(
  how: SentAs<string>,
  index: number,
  columns: readonly string[],
  sentOf: (index: number) => SentAs<string> | undefined,
): (values: unknown[]) => void {
  if ('usually' in how) {
    const { usually } = how;
    return (values) => {
      if (values[index] === null) values[index] = usually;
    };
  }
  if ('sameAs' in how) {
    const other = columns.indexOf(how.sameAs);
    if (other < 0) throw new Error(`${columns[index]} is sent as the same as ${how.sameAs}, which is not read`);
    if (sentOf(other) !== undefined) throw new Error(`${columns[index]} is sent as the same as ${how.sameAs}, which is sent as another value`);
    return (values) => {
      if (values[index] === null) values[index] = values[other];
    };
  }
  const { oneOf } = how;
  return (values) => {
    const value = values[index];
    if (typeof value === 'number') values[index] = oneOf[value];
  };
}

const list = (text: string) => JSON.parse(text) as string[];

/** The values GitHub gives an actor's `type` and an author's `author_association`, as far as they are usual. */
const ACTOR_TYPES = { oneOf: ['User', 'Bot', 'Organization', 'Mannequin'] };
const AUTHOR_ASSOCIATIONS = {
  oneOf: ['NONE', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'COLLABORATOR', 'MEMBER', 'OWNER', 'MANNEQUIN'],
};
const ITEM_STATES = { oneOf: ['open', 'closed'] satisfies Array<PullRequestRecord['state'] | IssueRecord['state']> };
const NO_LIST = { usually: '[]' };
const REVIEW_STATES = { oneOf: ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'] satisfies ReviewState[] };
const COMMENT_KINDS = { oneOf: ['issue', 'review'] satisfies Array<CommentRecord['kind']> };
const EVENT_KINDS = {
  oneOf: [
    'ready_for_review', 'converted_to_draft', 'review_requested', 'review_request_removed', 'closed', 'reopened', 'pushed',
    'labeled', 'unlabeled', 'milestoned', 'demilestoned', 'assigned', 'unassigned',
  ] satisfies TimelineEventKind[],
};

/** A JSON list of strings, each interned. */
export function internedList(text: string, intern: Intern): string[] {
  const items = list(text);
  for (let i = 0; i < items.length; i += 1) items[i] = intern(items[i]!);
  return items;
}

export const PULL_REQUEST_READER: ArrayRowReader<PullRequestRecord> = defineArrayRowReader({
  table: 'pull_requests',
  notRead: ['version', 'detail_version'],
  sent: { author_type: ACTOR_TYPES, author_association: AUTHOR_ASSOCIATIONS, state: ITEM_STATES, updated_at: { sameAs: 'closed_at' }, labels: NO_LIST },
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
  sent: {
    author_type: ACTOR_TYPES,
    author_association: AUTHOR_ASSOCIATIONS,
    state: ITEM_STATES,
    updated_at: { sameAs: 'closed_at' },
    labels: NO_LIST,
    assignees: NO_LIST,
  },
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
  sent: { author_type: ACTOR_TYPES, state: REVIEW_STATES },
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
  sent: { kind: COMMENT_KINDS, author_type: ACTOR_TYPES, updated_at: { sameAs: 'created_at' }, commands: NO_LIST },
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
  sent: {
    item_kind: { oneOf: ['pr', 'issue'] satisfies Array<TimelineEventRecord['itemKind']> },
    kind: EVENT_KINDS,
    subject: { usually: '' },
    subject_type: { oneOf: ['', 'user', 'team'] satisfies Array<TimelineEventRecord['subjectType']> },
  },
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
