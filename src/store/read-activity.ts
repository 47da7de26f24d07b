import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ActiveLogins, PullRequestAuthorHistory, RepositoryActivity, RepositoryHistory } from '../core/records.js';
import type { Database } from './database.js';
import {
  rowToComment,
  rowToContributor,
  rowToEvent,
  rowToIssue,
  rowToMilestone,
  rowToPullRequest,
  rowToRelease,
  rowToRepository,
  rowToReview,
} from './row-mapping.js';
import type { LoadActivityOptions } from './store.js';

/** Item numbers per `IN (…)` list, well under SQLite's bound-variable limit. */
const IN_LIST_CHUNK = 5_000;

/** The columns records are made of (not the merge's `version`s or the installation id). */
const COLUMNS = {
  pull_requests: [
    'repo_id', 'number', 'id', 'title', 'author', 'author_type', 'author_association', 'state', 'draft', 'opened_as_draft',
    'created_at', 'updated_at', 'closed_at', 'merged_at', 'merged_by', 'additions', 'deletions', 'changed_files', 'labels',
    'milestone_number', 'base_ref', 'head_ref', 'head_sha',
  ],
  issues: [
    'repo_id', 'number', 'id', 'title', 'author', 'author_type', 'author_association', 'state', 'created_at', 'updated_at',
    'closed_at', 'labels', 'milestone_number', 'assignees',
  ],
  reviews: ['repo_id', 'id', 'pr_number', 'author', 'author_type', 'state', 'submitted_at', 'commit_id'],
  comments: ['repo_id', 'kind', 'id', 'item_number', 'on_pull_request', 'author', 'author_type', 'created_at', 'updated_at'],
  timeline_events: ['repo_id', 'item_number', 'item_kind', 'kind', 'actor', 'subject', 'subject_type', 'at'],
} as const;

/** A child table read from the horizon on, plus its older rows of the items read. */
interface ChildTable<T extends 'reviews' | 'comments' | 'timeline_events'> {
  table: T;
  time: string;
  /** Rows may have no time (a pending review): those are read with the recent ones. */
  untimed?: boolean;
  /** The item the row belongs to: its number column, and the condition telling PR rows from issue rows. */
  itemNumber: string;
  side: (pullRequests: boolean) => RawBuilder<SqlBool>;
  /** Extra condition (event kinds). */
  where: RawBuilder<SqlBool>;
  orderBy: string[];
}

/** Rows of the record columns (see {@link COLUMNS}). */
type Rows<T extends keyof typeof COLUMNS> = Array<Omit<Database[T], 'installation_id' | 'version' | 'detail_version'>>;

/**
 * Reads one repository's activity. Without `since`, everything. With it, the items (PRs, issues) still open, updated
 * or closed at or after `since`, or in a milestone open since, with all their reviews, comments, events and files; the reviews,
 * comments and events of any item from `since` on; milestones, releases and contributors whole; and the
 * {@link RepositoryHistory} the dropped items still matter for (authors' first PRs, how far the history reaches).
 * GitHub bumps an item's `updated_at` on every comment, review, label or state change, so an item left out has had
 * nothing happen to it since the horizon. No joins or sub-queries: on freshly loaded PostgreSQL tables without
 * statistics a join plan went quadratic (minutes on 100k events); item numbers go in `IN (…)` lists.
 */
export async function readActivity(
  db: Kysely<Database>,
  installationId: number,
  repoId: number,
  options: LoadActivityOptions,
): Promise<RepositoryActivity | undefined> {
  // Raw conditions are parenthesized: kysely joins `.where()` calls with AND but does not wrap raw SQL.
  const inRepo = sql<SqlBool>`(installation_id = ${installationId} AND repo_id = ${repoId})`;
  const since = options.since ?? null;
  const repoRow = await db.selectFrom('repositories').selectAll().where(inRepo).executeTakeFirst();
  if (!repoRow) return undefined;

  const milestones = await db.selectFrom('milestones').selectAll().where(inRepo).orderBy('number').execute();
  // Items of milestones open since the horizon stay: an area's milestones are the ones its items are in.
  const recentMilestones = milestones
    .filter((milestone) => milestone.state === 'open' || since === null || (milestone.closed_at ?? '') >= since)
    .map((milestone) => milestone.number);
  const inRecentMilestone = recentMilestones.length === 0 ? sql`` : sql` OR milestone_number IN (${sql.join(recentMilestones)})`;
  const current =
    since === null
      ? sql<SqlBool>`1 = 1`
      : sql<SqlBool>`(state = 'open' OR updated_at >= ${since} OR closed_at >= ${since}${inRecentMilestone})`;
  const [prs, issues] = (await Promise.all([
    db.selectFrom('pull_requests').select(COLUMNS.pull_requests).where(inRepo).where(current).orderBy('number').execute(),
    db.selectFrom('issues').select(COLUMNS.issues).where(inRepo).where(current).orderBy('number').execute(),
  ])) as [Rows<'pull_requests'>, Rows<'issues'>];
  const olderThan = (rows: Array<{ number: number; created_at: string }>) =>
    since === null ? [] : rows.filter((row) => row.created_at < since).map((row) => row.number);
  const older = { pullRequests: olderThan(prs), issues: olderThan(issues) };
  const eventKinds = options.eventKinds ? [...options.eventKinds] : null;
  const read = <T extends 'reviews' | 'comments' | 'timeline_events'>(child: ChildTable<T>) =>
    readChildren(db, inRepo, since, older, child) as Promise<Rows<T>>;

  const [reviews, comments, events, releases, contributors, files, history] = await Promise.all([
    read({
      table: 'reviews',
      time: 'submitted_at',
      untimed: true,
      itemNumber: 'pr_number',
      side: (pullRequests) => (pullRequests ? sql`1 = 1` : sql`1 = 0`),
      where: sql`1 = 1`,
      orderBy: ['id'],
    }),
    read({
      table: 'comments',
      time: 'created_at',
      itemNumber: 'item_number',
      side: (pullRequests) => sql`on_pull_request = ${pullRequests ? 1 : 0}`,
      where: sql`1 = 1`,
      orderBy: ['kind', 'id'],
    }),
    read({
      table: 'timeline_events',
      time: 'at',
      itemNumber: 'item_number',
      side: (pullRequests) => sql`item_kind = ${pullRequests ? 'pr' : 'issue'}`,
      where: eventKinds ? sql`kind IN (${sql.join(eventKinds)})` : sql`1 = 1`,
      orderBy: ['at', 'item_kind', 'item_number', 'kind', 'subject'],
    }),
    db.selectFrom('releases').selectAll().where(inRepo).orderBy('id').execute(),
    db.selectFrom('contributors').selectAll().where(inRepo).orderBy('login').execute(),
    readFiles(db, inRepo, since === null ? null : prs.map((pr) => pr.number)),
    since === null ? Promise.resolve(undefined) : readHistory(db, inRepo, options.activeLoginRanges ?? []),
  ]);

  const timeline = events.map(rowToEvent);
  const closers = new Map<number, string | null>();
  for (const event of timeline) {
    if (event.itemKind === 'issue' && event.kind === 'closed') closers.set(event.itemNumber, event.actor);
  }
  return {
    repository: rowToRepository(repoRow),
    pullRequests: prs.map(rowToPullRequest),
    issues: issues.map((row) => rowToIssue(row, closers.get(row.number) ?? null)),
    reviews: reviews.map(rowToReview),
    comments: comments.map(rowToComment),
    events: timeline,
    milestones: milestones.map(rowToMilestone),
    releases: releases.map(rowToRelease),
    contributors: contributors.map(rowToContributor),
    pullRequestFiles: files.map((row) => ({ repoId, prNumber: row.pr_number, paths: JSON.parse(row.paths) as string[] })),
    ...(history ? { history } : {}),
  };
}

/**
 * A child table's rows from `since` on (rows without a time too: pending reviews), and its older rows of the items
 * read that were created before `since`, in `orderBy` order.
 */
async function readChildren<T extends 'reviews' | 'comments' | 'timeline_events'>(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  since: string | null,
  older: { pullRequests: number[]; issues: number[] },
  child: ChildTable<T>,
): Promise<Array<Record<string, unknown>>> {
  const table = sql.table(child.table);
  const columns = sql.join(COLUMNS[child.table].map((column) => sql.ref(column)));
  const time = sql.ref(child.time);
  const order = sql.join(child.orderBy.map((column) => sql.ref(column)));
  const recentRows = since === null ? sql`1 = 1` : child.untimed ? sql`(${time} >= ${since} OR ${time} IS NULL)` : sql`${time} >= ${since}`;
  const recent = (await sql<Record<string, unknown>>`SELECT ${columns} FROM ${table} WHERE ${inRepo} AND ${recentRows}
    AND ${child.where} ORDER BY ${order}`.execute(db)).rows;
  if (since === null) return recent;
  const olderRows: Array<Record<string, unknown>> = [];
  for (const [pullRequests, numbers] of [[true, older.pullRequests], [false, older.issues]] as const) {
    for (let i = 0; i < numbers.length; i += IN_LIST_CHUNK) {
      const chunk = numbers.slice(i, i + IN_LIST_CHUNK);
      // The time is compared here, not in SQL: given a time condition, SQLite without statistics may walk the time
      // index instead of looking the items up.
      const { rows } = await sql<Record<string, unknown>>`SELECT ${columns} FROM ${table} WHERE ${inRepo}
        AND ${child.side(pullRequests)} AND ${sql.ref(child.itemNumber)} IN (${sql.join(chunk)}) AND ${child.where}`.execute(db);
      for (const row of rows) {
        const at = row[child.time] as string | null;
        if (at !== null && at < since) olderRows.push(row);
      }
    }
  }
  if (olderRows.length === 0) return recent;
  return [...olderRows, ...recent].sort(compareBy(child.orderBy));
}

function compareBy(columns: readonly string[]): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) => {
    for (const column of columns) {
      const x = a[column] as string | number;
      const y = b[column] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/** The changed files of the given PRs (`null`: of every PR). */
async function readFiles(
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

/** Authors' first two PRs (window function, both dialects), the earliest item and who was active when. */
async function readHistory(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  ranges: ReadonlyArray<{ from: string; to: string }>,
): Promise<RepositoryHistory> {
  const { rows } = await sql<{ author: string; number: number; created_at: string; rank: number }>`
    SELECT author, number, created_at, rank FROM (
      SELECT author, number, created_at, ROW_NUMBER() OVER (PARTITION BY author ORDER BY created_at, number) AS rank
      FROM pull_requests WHERE ${inRepo}
    ) ranked WHERE rank <= 2 ORDER BY author, rank`.execute(db);
  const pullRequestAuthors: PullRequestAuthorHistory[] = [];
  for (const row of rows) {
    if (Number(row.rank) === 1) {
      pullRequestAuthors.push({ author: row.author, firstNumber: row.number, firstCreatedAt: row.created_at, secondCreatedAt: null });
    } else {
      pullRequestAuthors.at(-1)!.secondCreatedAt = row.created_at;
    }
  }
  const earliest = await Promise.all(
    (['pull_requests', 'issues'] as const).map((table) =>
      db.selectFrom(table).select((eb) => eb.fn.min<string | null>('created_at').as('earliest')).where(inRepo).executeTakeFirst(),
    ),
  );
  const times = earliest.map((row) => row?.earliest ?? null).filter((time): time is string => time !== null);
  return {
    earliestItemAt: times.length === 0 ? null : times.sort()[0]!,
    pullRequestAuthors,
    activeLogins: await readActiveLogins(db, inRepo, ranges),
  };
}

/**
 * Lower-case logins with a submitted review, a comment or a PR in each range: one grouped scan per table over the
 * span of all ranges, a `MAX(CASE …)` column per range.
 */
async function readActiveLogins(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  ranges: ReadonlyArray<{ from: string; to: string }>,
): Promise<ActiveLogins[]> {
  const active = ranges.map((range) => ({ from: range.from, to: range.to, logins: new Set<string>() }));
  if (ranges.length === 0) return [];
  const from = ranges.map((range) => range.from).sort()[0]!;
  const to = ranges.map((range) => range.to).sort().at(-1)!;
  const sources = [
    { table: 'reviews', time: 'submitted_at', where: sql`state <> 'PENDING'` },
    { table: 'comments', time: 'created_at', where: sql`1 = 1` },
    { table: 'pull_requests', time: 'created_at', where: sql`1 = 1` },
  ] as const;
  for (const source of sources) {
    const time = sql.ref(source.time);
    const flags = sql.join(
      ranges.map((range, i) => sql`MAX(CASE WHEN ${time} >= ${range.from} AND ${time} <= ${range.to} THEN 1 ELSE 0 END) AS ${sql.ref(`r${i}`)}`),
    );
    const { rows } = await sql<Record<string, string | number>>`SELECT author, ${flags} FROM ${sql.table(source.table)}
      WHERE ${inRepo} AND ${time} >= ${from} AND ${time} <= ${to} AND ${source.where} GROUP BY author`.execute(db);
    for (const row of rows) {
      const login = String(row.author).toLowerCase();
      active.forEach((range, i) => {
        if (Number(row[`r${i}`]) === 1) range.logins.add(login);
      });
    }
  }
  return active.map((range) => ({ from: range.from, to: range.to, logins: [...range.logins].sort() }));
}
