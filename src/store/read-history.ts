import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ActivityKind, HistoryQuestions } from '../core/history-questions.js';
import type { ActiveLogins, PullRequestAuthorHistory, RepositoryHistory } from '../core/records.js';
import type { Database } from './database.js';
import { readNumberRuns } from './read-number-runs.js';

/** `completeSince` when no stored PR is known to start a complete run: later than any window. */
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/**
 * The history a read from a horizon gives, answering `questions` (the metrics' definitions): each author's earliest
 * PRs (window function, both dialects) with the association the first was opened with, who was active when; and the
 * earliest item and how far item numbers are stored without a gap.
 */
export async function readHistory(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  questions: HistoryQuestions,
  narrow?: HistoryNarrowing,
): Promise<RepositoryHistory> {
  const { perAuthor, includeDrafts } = questions.earliestPullRequests;
  const rows: Array<{ author: string; number: number; created_at: string; opened_author_association: string | null; rank: number }> = [];
  const authorChunks = narrow ? chunksOf([...new Set(narrow.authors)].sort()).map((chunk) => sql`AND author IN (${sql.join(chunk)})`) : [sql``];
  const ofDrafts = includeDrafts ? sql`` : sql`AND draft = 0`;
  for (const ofAuthors of authorChunks) {
    const result = await sql<(typeof rows)[number]>`
      SELECT author, number, created_at, opened_author_association, rank FROM (
        SELECT author, number, created_at, opened_author_association,
          ROW_NUMBER() OVER (PARTITION BY author ORDER BY created_at, number) AS rank
        FROM pull_requests WHERE ${inRepo} ${ofDrafts} ${ofAuthors}
      ) ranked WHERE rank <= ${perAuthor} ORDER BY author, rank`.execute(db);
    rows.push(...result.rows);
  }
  const searched = new Map(
    (
      await db
        .selectFrom('author_first_pull_requests')
        .select(['author', 'first_number'])
        .where(inRepo)
        .execute()
    ).map((row) => [row.author, row.first_number === null ? null : Number(row.first_number)]),
  );
  const pullRequestAuthors: PullRequestAuthorHistory[] = [];
  for (const row of rows) {
    if (Number(row.rank) === 1) {
      pullRequestAuthors.push({
        author: row.author,
        firstNumber: row.number,
        firstCreatedAt: row.created_at,
        firstOpenedAssociation: row.opened_author_association,
        ...(searched.has(row.author) ? { searchedFirstNumber: searched.get(row.author)! } : {}),
        secondCreatedAt: null,
      });
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
  const { contiguousThrough, runStart } = await readNumberRuns(db, inRepo);
  const boundary =
    runStart <= 1
      ? undefined
      : await db.selectFrom('pull_requests').select('created_at').where(inRepo).where('number', '>=', runStart).orderBy('number').limit(1).executeTakeFirst();
  return {
    earliestItemAt: times.length === 0 ? null : times.sort()[0]!,
    pullRequestAuthors,
    contiguousThrough,
    // No PR in the run: PRs opened from now on will be stored; none before is known to be.
    completeSince: runStart <= 1 ? null : (boundary?.created_at ?? FAR_FUTURE),
    activeLogins: await readActiveLogins(db, inRepo, questions.activity.kinds, questions.activity.ranges, narrow?.logins ?? questions.activity.logins),
  };
}

/** A narrow read's history: the first PRs of these authors only, and the activity of these lower-case logins only. */
export interface HistoryNarrowing {
  authors: readonly string[];
  logins: readonly string[];
}

/** Values per `IN (…)` list, well under SQLite's bound-variable limit. */
const IN_LIST_CHUNK = 5_000;

export function chunksOf<T>(values: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += IN_LIST_CHUNK) chunks.push(values.slice(i, i + IN_LIST_CHUNK));
  return chunks;
}

/** Where the store keeps the records of an activity kind: the table, its time column, and which rows count. */
export interface ActivitySource {
  table: 'reviews' | 'comments' | 'pull_requests';
  time: 'submitted_at' | 'created_at';
  where: RawBuilder<SqlBool>;
}

/** The table, time column and condition of the records of `kind`. */
export function activitySourceOf(kind: ActivityKind): ActivitySource {
  switch (kind.records) {
    case 'reviews':
      return {
        table: 'reviews',
        time: 'submitted_at',
        where: kind.exceptStates.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`state NOT IN (${sql.join([...kind.exceptStates])})`,
      };
    case 'comments':
      return { table: 'comments', time: 'created_at', where: sql<SqlBool>`1 = 1` };
    case 'pullRequests':
      return { table: 'pull_requests', time: 'created_at', where: sql<SqlBool>`1 = 1` };
  }
}

/**
 * When each of `logins` (lower case) was last active up to `until` (ISO, included) in the whole stored history: the
 * time of their latest record of `kinds`. Logins never active are left out; the answer is ordered by login. One
 * grouped scan per kind, of the asked logins' records only.
 */
export async function readLatestActivity(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  kinds: readonly ActivityKind[],
  logins: readonly string[],
  until: string,
): Promise<Array<{ login: string; at: string }>> {
  if (logins.length === 0) return [];
  const ofLogins = sql`LOWER(author) IN (${sql.join([...new Set(logins)])})`;
  const last = new Map<string, string>();
  for (const source of kinds.map(activitySourceOf)) {
    const time = sql.ref(source.time);
    const { rows } = await sql<{ author: string; at: string | null }>`
      SELECT author, MAX(${time}) AS at FROM ${sql.table(source.table)}
      WHERE ${inRepo} AND ${source.where} AND ${ofLogins} AND ${time} <= ${until} GROUP BY author`.execute(db);
    for (const { author, at } of rows) {
      const login = author.toLowerCase();
      if (at !== null && (last.get(login) ?? '') < at) last.set(login, at);
    }
  }
  return [...last].map(([login, at]) => ({ login, at })).sort((a, b) => (a.login < b.login ? -1 : a.login > b.login ? 1 : 0));
}

/**
 * {@link readLatestActivity} of the `logins` a history shows idle through its activity range ending at `until` (every
 * login when no range ends then): only they can be stale owners whose last activity a report shows.
 */
export function readIdleLatestActivity(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  kinds: readonly ActivityKind[],
  history: Pick<RepositoryHistory, 'activeLogins'>,
  logins: readonly string[],
  until: string,
): Promise<Array<{ login: string; at: string }>> {
  const activeThen = history.activeLogins.find((range) => range.to === until);
  const active = new Set(activeThen?.logins ?? []);
  const idle = logins.filter((login) => !active.has(login));
  return readLatestActivity(db, inRepo, kinds, idle, until);
}

/**
 * Lower-case logins with a record of `kinds` in each range: one grouped scan per kind over the span of all ranges, a
 * `MAX(CASE …)` column per range.
 */
async function readActiveLogins(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  kinds: readonly ActivityKind[],
  ranges: ReadonlyArray<{ from: string; to: string }>,
  logins?: readonly string[],
): Promise<ActiveLogins[]> {
  const active = ranges.map((range) => ({ from: range.from, to: range.to, logins: new Set<string>() }));
  if (ranges.length === 0) return [];
  if (logins?.length === 0) return active.map((range) => ({ from: range.from, to: range.to, logins: [] }));
  const ofLogins = logins ? sql`AND LOWER(author) IN (${sql.join([...new Set(logins)])})` : sql``;
  const from = ranges.map((range) => range.from).sort()[0]!;
  const to = ranges.map((range) => range.to).sort().at(-1)!;
  for (const source of kinds.map(activitySourceOf)) {
    const time = sql.ref(source.time);
    const flags = sql.join(
      ranges.map((range, i) => sql`MAX(CASE WHEN ${time} >= ${range.from} AND ${time} <= ${range.to} THEN 1 ELSE 0 END) AS ${sql.ref(`r${i}`)}`),
    );
    const { rows } = await sql<Record<string, string | number>>`SELECT author, ${flags} FROM ${sql.table(source.table)}
      WHERE ${inRepo} AND ${time} >= ${from} AND ${time} <= ${to} AND ${source.where} ${ofLogins} GROUP BY author`.execute(db);
    for (const row of rows) {
      const login = String(row.author).toLowerCase();
      active.forEach((range, i) => {
        if (Number(row[`r${i}`]) === 1) range.logins.add(login);
      });
    }
  }
  return active.map((range) => ({ from: range.from, to: range.to, logins: [...range.logins].sort() }));
}
