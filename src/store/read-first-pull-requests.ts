import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { EarliestPullRequestsQuestion } from '../core/history-questions.js';
import type { PullRequestAuthorHistory } from '../core/records.js';
import type { Database } from './database.js';
import { chunksOf } from './read-history.js';

/**
 * The earliest stored PRs of each of `authors` (as stored on PRs; `question` says how many and whether drafts count,
 * the metrics' definition), as `readHistory` gives them for a narrowed read:
 * in creation order (then number), with the association the first was opened with and the first PR GitHub's search
 * gave, ordered by author as the database orders them. Each author's two PRs are found along the
 * author index (one seek per PR asked) and read by primary key, not by ranking every PR of the authors: a
 * regular author's hundreds of PRs are not read.
 */
export async function readFirstPullRequests(
  db: Kysely<Database>,
  inRepo: RawBuilder<SqlBool>,
  authors: readonly string[],
  question: EarliestPullRequestsQuestion,
): Promise<PullRequestAuthorHistory[]> {
  const result: PullRequestAuthorHistory[] = [];
  const ofDrafts = question.includeDrafts ? sql`` : sql`AND q.draft = 0`;
  const offsets = question.perAuthor === 1 ? [0] : [0, 1];
  for (const chunk of chunksOf([...new Set(authors)].sort())) {
    const wanted = sql.join(chunk.map((author) => sql`(${author})`));
    // `inRepo`'s unqualified columns are those of the innermost table: `q` inside, `p` outside (`picked` has none).
    const nth = (offset: number) =>
      sql`SELECT (SELECT q.number FROM pull_requests q WHERE ${inRepo} AND q.author = w.author ${ofDrafts} ORDER BY q.created_at, q.number LIMIT 1 OFFSET ${sql.lit(offset)}) FROM wanted w`;
    const { rows } = await sql<{ author: string; number: number; created_at: string; opened_author_association: string | null }>`
      WITH wanted(author) AS (VALUES ${wanted}), picked(number) AS (${sql.join(offsets.map(nth), sql` UNION ALL `)})
      SELECT p.author, p.number, p.created_at, p.opened_author_association FROM picked CROSS JOIN pull_requests p
      WHERE ${inRepo} AND p.number = picked.number
      ORDER BY p.author, p.created_at, p.number`.execute(db);
    const searched = new Map(
      (await db.selectFrom('author_first_pull_requests').select(['author', 'first_number']).where(inRepo).where('author', 'in', chunk).execute()).map(
        (row) => [row.author, row.first_number === null ? null : Number(row.first_number)],
      ),
    );
    let previous: PullRequestAuthorHistory | undefined;
    for (const row of rows) {
      if (previous && previous.author === row.author) {
        previous.secondCreatedAt = row.created_at;
        continue;
      }
      previous = {
        author: row.author,
        firstNumber: Number(row.number),
        firstCreatedAt: row.created_at,
        firstOpenedAssociation: row.opened_author_association,
        ...(searched.has(row.author) ? { searchedFirstNumber: searched.get(row.author)! } : {}),
        secondCreatedAt: null,
      };
      result.push(previous);
    }
  }
  return result;
}
