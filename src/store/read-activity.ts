import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CommentRecord, RepositoryActivity, ReviewRecord, TimelineEventRecord } from '../core/records.js';
import type { Database } from './database.js';
import {
  type ArrayRowReader,
  COMMENT_READER,
  createIntern,
  type Intern,
  internedList,
  EVENT_READER,
  ISSUE_READER,
  PULL_REQUEST_READER,
  REVIEW_READER,
} from './array-row-readers.js';
import type { ReadArrayRows } from './read-array-rows.js';
import { readHistory, readIdleLatestActivity } from './read-history.js';
import { readActivityItemKeys } from './read-activity-item-keys.js';
import { readNarrowActivity } from './read-narrow-activity.js';
import { rowToContributor, rowToMilestone, rowToRelease, rowToRepository } from './row-mapping.js';
import type { ActivityItemKeys, LoadActivityOptions } from './store.js';
import type { ActivityMirror } from './activity-mirror.js';

/** Item numbers per `IN (…)` list, well under SQLite's bound-variable limit. */
const IN_LIST_CHUNK = 5_000;

/** A child table read from the horizon on, plus its older rows of the items read. */
export interface ChildTable<R> {
  table: 'reviews' | 'comments' | 'timeline_events';
  reader: ArrayRowReader<R>;
  time: string;
  timeOf: (record: R) => string | null;
  /** Rows may have no time (a pending review): those are read with the recent ones. */
  untimed?: boolean;
  /** The item the row belongs to: its number column, and the condition telling PR rows from issue rows. */
  itemNumber: string;
  side: (pullRequests: boolean) => RawBuilder<SqlBool>;
  /** Extra condition (event kinds). */
  where: RawBuilder<SqlBool>;
  /** The order of the result: SQL columns, and the same order on records (to merge older rows in). */
  orderBy: string[];
  compare: (a: R, b: R) => number;
}

const ALL = sql<SqlBool>`1 = 1`;

export const REVIEWS: ChildTable<ReviewRecord> = {
  table: 'reviews',
  reader: REVIEW_READER,
  time: 'submitted_at',
  timeOf: (review) => review.submittedAt,
  untimed: true,
  itemNumber: 'pr_number',
  side: (pullRequests) => (pullRequests ? sql`1 = 1` : sql`1 = 0`),
  where: ALL,
  orderBy: ['id'],
  compare: (a, b) => a.id - b.id,
};

export const COMMENTS: ChildTable<CommentRecord> = {
  table: 'comments',
  reader: COMMENT_READER,
  time: 'created_at',
  timeOf: (comment) => comment.createdAt,
  itemNumber: 'item_number',
  side: (pullRequests) => sql`on_pull_request = ${pullRequests ? 1 : 0}`,
  where: ALL,
  orderBy: ['kind', 'id'],
  compare: (a, b) => compareText(a.kind, b.kind) || a.id - b.id,
};

/** Timeline events, of the given kinds only (all when `null`). */
export function timelineEventsOf(kinds: readonly string[] | null): ChildTable<TimelineEventRecord> {
  return {
    table: 'timeline_events',
    reader: EVENT_READER,
    time: 'at',
    timeOf: (event) => event.at,
    itemNumber: 'item_number',
    side: (pullRequests) => sql`item_kind = ${pullRequests ? 'pr' : 'issue'}`,
    where: kinds ? sql`kind IN (${sql.join([...kinds])})` : ALL,
    orderBy: ['at', 'item_kind', 'item_number', 'kind', 'subject'],
    compare: (a, b) =>
      compareText(a.at, b.at) ||
      compareText(a.itemKind, b.itemKind) ||
      a.itemNumber - b.itemNumber ||
      compareText(a.kind, b.kind) ||
      compareText(a.subject, b.subject),
  };
}

/** Where a read runs: kysely builds the SQL, `rows` runs it returning arrays. */
export interface ReadContext {
  db: Kysely<Database>;
  rows: ReadArrayRows;
  repoId: number;
  inRepo: RawBuilder<SqlBool>;
  /** Shares equal strings among the records of one read (see {@link Intern}); none when absent. */
  intern?: Intern;
}

/**
 * Reads one repository's activity. Without `since`, everything. With it, the items (PRs, issues) still open, updated
 * or closed at or after `since`, or in a milestone open since, with all their reviews, comments, events and files;
 * the reviews, comments and events of any item from `since` on; milestones, releases and contributors whole; and the
 * {@link RepositoryHistory} the items left out still matter for (authors' first PRs, how far the history reaches, who
 * was active when). GitHub bumps an item's `updated_at` on every comment, review, label or state change, so an item
 * left out has had nothing happen to it since the horizon. Large tables are read as arrays (no object per row). No
 * joins or sub-queries: on freshly loaded PostgreSQL tables without statistics a join plan went quadratic (minutes on
 * 100k events); item numbers go in `IN (…)` lists.
 */
export async function readActivity(
  db: Kysely<Database>,
  rows: ReadArrayRows,
  installationId: number,
  repoId: number,
  options: LoadActivityOptions,
  /** Answers a narrow read's rows from memory where it can (SQLite). */
  mirror?: ActivityMirror,
): Promise<RepositoryActivity | undefined> {
  // Raw conditions are parenthesized: kysely joins `.where()` calls with AND but does not wrap raw SQL.
  const inRepo = sql<SqlBool>`(installation_id = ${installationId} AND repo_id = ${repoId})`;
  const intern = createIntern();
  const context: ReadContext = { db, rows, repoId, inRepo, intern };
  const since = options.since ?? null;
  const repoRow = await db.selectFrom('repositories').selectAll().where(inRepo).executeTakeFirst();
  if (!repoRow) return undefined;

  const milestones = await db.selectFrom('milestones').selectAll().where(inRepo).orderBy('number').execute();
  const current = selectCurrentItems(milestones, since);
  const readItems = <R>(table: 'pull_requests' | 'issues', reader: ArrayRowReader<R>) =>
    readRecords(context, reader, sql`SELECT ${columnList(context, reader)} FROM ${sql.table(table)} WHERE ${inRepo} AND ${current} ORDER BY number`);
  if (options.since !== undefined && options.only) {
    const source = mirror?.sourceFor(context, installationId, options.since, recentMilestoneNumbers(milestones, options.since));
    const narrow = { since: options.since, current, eventKinds: options.eventKinds ? [...options.eventKinds] : null, only: options.only, history: options.history };
    return readNarrowActivity(context, source ? { ...narrow, source } : narrow, {
      repository: rowToRepository(repoRow),
      milestones: milestones.map(rowToMilestone),
    });
  }
  const [prs, issues] = await Promise.all([readItems('pull_requests', PULL_REQUEST_READER), readItems('issues', ISSUE_READER)]);
  const olderThan = (items: Array<{ number: number; createdAt: string }>) =>
    since === null ? [] : items.filter((item) => item.createdAt < since).map((item) => item.number);
  const older = { pullRequests: olderThan(prs), issues: olderThan(issues) };
  const eventKinds = options.eventKinds ? [...options.eventKinds] : null;

  const [reviews, comments, events, releases, contributors, files, history] = await Promise.all([
    readChildren(context, since, older, REVIEWS),
    readChildren(context, since, older, COMMENTS),
    readChildren(context, since, older, timelineEventsOf(eventKinds)),
    db.selectFrom('releases').selectAll().where(inRepo).orderBy('id').execute(),
    db.selectFrom('contributors').selectAll().where(inRepo).orderBy('login').execute(),
    readFiles(db, inRepo, since === null ? null : prs.map((pr) => pr.number)),
    options.since === undefined ? Promise.resolve(undefined) : readHistory(db, inRepo, options.history),
  ]);

  if (history && options.since !== undefined && options.lastActiveOf) {
    const { logins, until } = options.lastActiveOf;
    history.lastActive = await readIdleLatestActivity(db, inRepo, options.history.activity.kinds, history, logins, until);
  }

  const closers = new Map<number, string | null>();
  for (const event of events) {
    if (event.itemKind === 'issue' && event.kind === 'closed') closers.set(event.itemNumber, event.actor);
  }
  for (const issue of issues) if (issue.state === 'closed') issue.closedBy = closers.get(issue.number) ?? null;
  return {
    repository: rowToRepository(repoRow),
    pullRequests: prs,
    issues,
    reviews,
    comments,
    events,
    milestones: milestones.map(rowToMilestone),
    releases: releases.map(rowToRelease),
    contributors: contributors.map(rowToContributor),
    pullRequestFiles: files.map((row) => ({ repoId, prNumber: row.pr_number, paths: internedList(row.paths, intern) })),
    ...(history ? { history } : {}),
  };
}

/** The keys of the items `readActivity` from `since` reads (see `Store.loadActivityItemKeys`). */
export async function readItemKeys(
  db: Kysely<Database>,
  rows: ReadArrayRows,
  installationId: number,
  repoId: number,
  since: string,
  mirror?: ActivityMirror,
): Promise<ActivityItemKeys | undefined> {
  const inRepo = sql<SqlBool>`(installation_id = ${installationId} AND repo_id = ${repoId})`;
  const repoRow = await db.selectFrom('repositories').select('repo_id').where(inRepo).executeTakeFirst();
  if (!repoRow) return undefined;
  const milestones = await db.selectFrom('milestones').select(['number', 'state', 'closed_at']).where(inRepo).execute();
  const context = { db, rows, repoId, inRepo };
  if (mirror) return mirror.readKeys(context, installationId, since, recentMilestoneNumbers(milestones, since));
  return readActivityItemKeys(context, selectCurrentItems(milestones, since));
}

/**
 * The items a read from `since` selects: open, updated or closed since, or in a milestone open since (an area's
 * milestones are the ones its items are in); every item without `since`.
 */
export function selectCurrentItems(milestones: ReadonlyArray<{ number: number; state: string; closed_at: string | null }>, since: string | null): RawBuilder<SqlBool> {
  if (since === null) return sql<SqlBool>`1 = 1`;
  const recentMilestones = [...recentMilestoneNumbers(milestones, since)];
  const inRecentMilestone = recentMilestones.length === 0 ? sql`` : sql` OR milestone_number IN (${sql.join(recentMilestones)})`;
  return sql<SqlBool>`(state = 'open' OR updated_at >= ${since} OR closed_at >= ${since}${inRecentMilestone})`;
}

/** The milestones open, or closed at or after `since`: their items are current. */
export function recentMilestoneNumbers(milestones: ReadonlyArray<{ number: number; state: string; closed_at: string | null }>, since: string): Set<number> {
  return new Set(milestones.filter((milestone) => milestone.state === 'open' || (milestone.closed_at ?? '') >= since).map((milestone) => milestone.number));
}

/**
 * What `reader` selects, each column as its `sent` says (codes only where the database mixes types in a column). The
 * expressions keep their column's name unaliased, so an `ORDER BY` of the query still orders by the stored value.
 */
export function columnList(context: Pick<ReadContext, 'rows'>, reader: ArrayRowReader<unknown>): RawBuilder<unknown> {
  return sql.join(
    reader.columns.map((column, index) => {
      const value = sql.ref(column);
      const how = reader.sent[index];
      if (how === undefined) return value;
      if ('usually' in how) return sql`NULLIF(${value}, ${sql.lit(how.usually)})`;
      if ('sameAs' in how) return sql`NULLIF(${value}, ${sql.ref(how.sameAs)})`;
      if (!context.rows.mixesTypes) return value;
      return sql`CASE ${value} ${sql.join(how.oneOf.map((text, code) => sql`WHEN ${sql.lit(text)} THEN ${sql.lit(code)}`), sql` `)} ELSE ${value} END`;
    }),
  );
}

export async function readRecords<R>(context: ReadContext, reader: ArrayRowReader<R>, query: RawBuilder<unknown>): Promise<R[]> {
  const rows = await context.rows(query.compile(context.db));
  const { repoId, intern } = context;
  return rows.map((values) => reader.read(values, repoId, intern));
}

/** Byte-wise order, as both databases compare these columns (ASCII kinds, ISO times, labels). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A child table's rows from `since` on (rows without a time too: pending reviews), and its older rows of the items
 * read that were created before `since`, in `orderBy` order.
 */
async function readChildren<R>(
  context: ReadContext,
  since: string | null,
  older: { pullRequests: number[]; issues: number[] },
  child: ChildTable<R>,
): Promise<R[]> {
  const { inRepo } = context;
  const table = sql.table(child.table);
  const columns = columnList(context, child.reader as ArrayRowReader<unknown>);
  const time = sql.ref(child.time);
  const order = sql.join(child.orderBy.map((column) => sql.ref(column)));
  const recentRows = since === null ? sql`1 = 1` : child.untimed ? sql`(${time} >= ${since} OR ${time} IS NULL)` : sql`${time} >= ${since}`;
  const recent = await readRecords(context, child.reader, sql`SELECT ${columns} FROM ${table} WHERE ${inRepo} AND ${recentRows}
    AND ${child.where} ORDER BY ${order}`);
  if (since === null) return recent;
  const olderRecords: R[] = [];
  for (const [pullRequests, numbers] of [[true, older.pullRequests], [false, older.issues]] as const) {
    for (let i = 0; i < numbers.length; i += IN_LIST_CHUNK) {
      const chunk = numbers.slice(i, i + IN_LIST_CHUNK);
      // The time is compared here, not in SQL: given a time condition, SQLite without statistics may walk the time
      // index instead of looking the items up.
      const records = await readRecords(context, child.reader, sql`SELECT ${columns} FROM ${table} WHERE ${inRepo}
        AND ${child.side(pullRequests)} AND ${sql.ref(child.itemNumber)} IN (${sql.join(chunk)}) AND ${child.where}`);
      for (const record of records) {
        const at = child.timeOf(record);
        if (at !== null && at < since) olderRecords.push(record);
      }
    }
  }
  if (olderRecords.length === 0) return recent;
  return [...olderRecords, ...recent].sort(child.compare);
}

/** The changed files of the given PRs (`null`: of every PR). */
export async function readFiles(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  prNumbers: number[] | null,
): Promise<Array<{ pr_number: number; paths: string }>> {
  const query = db.selectFrom('pull_request_files').select(['pr_number', 'paths']).where(inRepo);
  if (prNumbers === null) return query.orderBy('pr_number').execute();
  const rows: Array<{ pr_number: number; paths: string }> = [];
  for (let i = 0; i < prNumbers.length; i += IN_LIST_CHUNK) {
    rows.push(...(await query.where('pr_number', 'in', prNumbers.slice(i, i + IN_LIST_CHUNK)).orderBy('pr_number').execute()));
  }
  return rows;
}
