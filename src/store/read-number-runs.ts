import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from './database.js';

/**
 * How far item numbers are stored without a gap from #1 (`contiguousThrough`), and where the gap-free run ending at
 * the highest stored number starts (`runStart`; 1 when there is no gap, above the highest when nothing is stored).
 */
export interface NumberRuns {
  contiguousThrough: number;
  runStart: number;
}

/** One table's stored item numbers, summed up: how many, the lowest and the highest (`null` when none). */
export interface NumberSpan {
  count: number;
  low: number | null;
  high: number | null;
}

/**
 * {@link NumberRuns} of the PRs and issues stored. A whole history is usually one gap-free run of numbers (from #1,
 * or from where a backfill started): then the counts, lowest and highest numbers of both tables and the count of
 * numbers both tables hold tell it, without reading every number (a hundred thousand rows on a large repository, on
 * every report). Anything else (a gap) is read in full: {@link readNumberRunsInFull}, which gives the same answer.
 */
export async function readNumberRuns(db: Kysely<Database>, inRepo: RawBuilder<SqlBool>): Promise<NumberRuns> {
  const [prs, issues] = await Promise.all([readNumberSpan(db, inRepo, 'pull_requests'), readNumberSpan(db, inRepo, 'issues')]);
  const span = joinSpans(prs!, issues!);
  if (span.count === 0) return numberRunsOfOneRun(span, 0)!;
  // Fewer numbers than the span holds: a gap whatever the tables share.
  if (span.count < span.high! - span.low! + 1) return readNumberRunsInFull(db, inRepo);
  const shared = spansMeet(prs!, issues!) ? await countSharedNumbers(db, inRepo, prs!.count <= issues!.count ? 'pull_requests' : 'issues') : 0;
  return numberRunsOfOneRun(span, shared) ?? readNumberRunsInFull(db, inRepo);
}

/**
 * The runs when the stored numbers are exactly `low`…`high` of `span` (`shared` of them counted twice, in both
 * tables); `null` when they are not (a gap): the distinct numbers then fall short of the span.
 */
export function numberRunsOfOneRun(span: NumberSpan, shared: number): NumberRuns | null {
  if (span.count === 0) return { contiguousThrough: 0, runStart: 1 };
  const { low, high } = span as { low: number; high: number };
  if (span.count - shared !== high - low + 1) return null;
  return { contiguousThrough: low === 1 ? high : 0, runStart: low };
}

/** Both tables' spans as one: counts added (a number in both tables counts twice), the lowest low, the highest high. */
export function joinSpans(a: NumberSpan, b: NumberSpan): NumberSpan {
  const lows = [a.low, b.low].filter((low): low is number => low !== null);
  const highs = [a.high, b.high].filter((high): high is number => high !== null);
  return {
    count: a.count + b.count,
    low: lows.length === 0 ? null : Math.min(...lows),
    high: highs.length === 0 ? null : Math.max(...highs),
  };
}

function spansMeet(a: NumberSpan, b: NumberSpan): boolean {
  return a.count > 0 && b.count > 0 && a.low! <= b.high! && b.low! <= a.high!;
}

async function readNumberSpan(db: Kysely<Database>, inRepo: RawBuilder<SqlBool>, table: 'pull_requests' | 'issues'): Promise<NumberSpan> {
  const row = await db
    .selectFrom(table)
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min<number | null>('number').as('low'), eb.fn.max<number | null>('number').as('high')])
    .where(inRepo)
    .executeTakeFirstOrThrow();
  // PostgreSQL gives COUNT(*) as a bigint string.
  return { count: Number(row.count), low: row.low === null ? null : Number(row.low), high: row.high === null ? null : Number(row.high) };
}

/**
 * How many numbers both tables hold (GitHub numbers PRs and issues from one sequence, so none unless the store holds
 * odd data): each row of the smaller table `outer` looks its number up in the other table's primary key.
 */
async function countSharedNumbers(db: Kysely<Database>, inRepo: RawBuilder<SqlBool>, outer: 'pull_requests' | 'issues'): Promise<number> {
  const inner = outer === 'pull_requests' ? 'issues' : 'pull_requests';
  const { rows } = await sql<{ shared: number | string }>`SELECT COUNT(*) AS shared FROM ${sql.table(outer)} WHERE ${inRepo}
    AND EXISTS (SELECT 1 FROM ${sql.table(inner)} other WHERE other.installation_id = ${sql.table(outer)}.installation_id
      AND other.repo_id = ${sql.table(outer)}.repo_id AND other.number = ${sql.table(outer)}.number)`.execute(db);
  return Number(rows[0]!.shared);
}

/** {@link NumberRuns} from every stored number, read in order from the primary keys and counted here. */
export async function readNumberRunsInFull(db: Kysely<Database>, inRepo: RawBuilder<SqlBool>): Promise<NumberRuns> {
  const [prs, issues] = await Promise.all(
    (['pull_requests', 'issues'] as const).map((table) => db.selectFrom(table).select('number').where(inRepo).orderBy('number').execute()),
  );
  const numbers = mergeSorted(prs!.map((row) => Number(row.number)), issues!.map((row) => Number(row.number)));
  let contiguousThrough = 0;
  while (contiguousThrough < numbers.length && numbers[contiguousThrough] === contiguousThrough + 1) contiguousThrough += 1;
  let length = 0;
  const top = numbers.at(-1) ?? 0;
  while (length < numbers.length && numbers[numbers.length - 1 - length] === top - length) length += 1;
  return { contiguousThrough, runStart: top - length + 1 };
}

/** Two ascending lists as one, each number once. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged.at(-1) !== next) merged.push(next);
  }
  return merged;
}
