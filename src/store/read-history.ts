import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ActiveLogins, PullRequestAuthorHistory, RepositoryHistory } from '../core/records.js';
import type { Database } from './database.js';

/** `completeSince` when no stored PR is known to start a complete run: later than any window. */
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/**
 * Authors' first two PRs (window function, both dialects) with the association the first was opened with, the
 * earliest item, how far item numbers are stored without a gap, and who was active when.
 */
export async function readHistory(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  ranges: ReadonlyArray<{ from: string; to: string }>,
): Promise<RepositoryHistory> {
  const { rows } = await sql<{ author: string; number: number; created_at: string; opened_author_association: string | null; rank: number }>`
    SELECT author, number, created_at, opened_author_association, rank FROM (
      SELECT author, number, created_at, opened_author_association,
        ROW_NUMBER() OVER (PARTITION BY author ORDER BY created_at, number) AS rank
      FROM pull_requests WHERE ${inRepo}
    ) ranked WHERE rank <= 2 ORDER BY author, rank`.execute(db);
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
  // Numbers 1…n all stored: exactly the rows whose number equals their rank in number order.
  const contiguous = await sql<{ through: number | string | null }>`
    SELECT COUNT(*) AS through FROM (
      SELECT number, ROW_NUMBER() OVER (ORDER BY number) AS position FROM (
        SELECT number FROM pull_requests WHERE ${inRepo} UNION SELECT number FROM issues WHERE ${inRepo}
      ) numbers
    ) ranked WHERE number = position`.execute(db);
  // The gap-free run of numbers ending at the highest: rows whose number is the highest minus their rank from the top.
  const suffix = await sql<{ length: number | string | null; top: number | string | null }>`
    SELECT COUNT(*) AS length, MAX(top) AS top FROM (
      SELECT number, ROW_NUMBER() OVER (ORDER BY number DESC) AS position, MAX(number) OVER () AS top FROM (
        SELECT number FROM pull_requests WHERE ${inRepo} UNION SELECT number FROM issues WHERE ${inRepo}
      ) numbers
    ) ranked WHERE number = top - position + 1`.execute(db);
  const runStart = Number(suffix.rows[0]?.top ?? 0) - Number(suffix.rows[0]?.length ?? 0) + 1;
  const boundary =
    runStart <= 1
      ? undefined
      : await db.selectFrom('pull_requests').select('created_at').where(inRepo).where('number', '>=', runStart).orderBy('number').limit(1).executeTakeFirst();
  return {
    earliestItemAt: times.length === 0 ? null : times.sort()[0]!,
    pullRequestAuthors,
    contiguousThrough: Number(contiguous.rows[0]?.through ?? 0),
    // No PR in the run: PRs opened from now on will be stored; none before is known to be.
    completeSince: runStart <= 1 ? null : (boundary?.created_at ?? FAR_FUTURE),
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
