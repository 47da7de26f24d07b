import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ReadContext, readFiles } from './read-activity.js';
import type { ActivityItemKeys } from './store.js';

/** The keys of the items a read from `since` holds ({@link ActivityItemKeys}), in number order. */
export async function readActivityItemKeys(context: ReadContext, current: RawBuilder<SqlBool>): Promise<ActivityItemKeys> {
  const { inRepo } = context;
  const read = (query: RawBuilder<unknown>) => context.rows(query.compile(context.db));
  const [prs, issues] = await Promise.all([
    read(sql`SELECT number, author, state, labels, created_at, updated_at FROM pull_requests WHERE ${inRepo} AND ${current} ORDER BY number`),
    read(sql`SELECT number, labels FROM issues WHERE ${inRepo} AND ${current} ORDER BY number`),
  ]);
  const pullRequests = prs.map(([number, author, state, labels, createdAt, updatedAt]) => ({
    number: number as number,
    author: author as string,
    state: state as 'open' | 'closed',
    labels: JSON.parse(labels as string) as string[],
    createdAt: createdAt as string,
    updatedAt: updatedAt as string,
  }));
  const files = await readFiles(context.db, inRepo, pullRequests.map((pr) => pr.number));
  return {
    pullRequests,
    issues: issues.map(([number, labels]) => ({ number: number as number, labels: JSON.parse(labels as string) as string[] })),
    pullRequestFiles: files.map((row) => ({ prNumber: row.pr_number, paths: JSON.parse(row.paths) as string[] })),
  };
}
