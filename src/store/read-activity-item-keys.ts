import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ReadContext, readFiles } from './read-activity.js';
import type { ActivityItemKeys } from './store.js';

/** The keys of the items a read from `since` holds ({@link ActivityItemKeys}), in number order. */
export async function readActivityItemKeys(context: ReadContext, current: RawBuilder<SqlBool>): Promise<ActivityItemKeys> {
  const [prs, issues] = await Promise.all([readPullRequestKeys(context, current), readIssueKeys(context, current)]);
  const pullRequests = prs.map((held) => held.key);
  const files = await readFiles(context.db, context.inRepo, pullRequests.map((pr) => pr.number));
  return {
    pullRequests,
    issues: issues.map((held) => held.key),
    pullRequestFiles: files.map((row) => ({ prNumber: row.pr_number, paths: JSON.parse(row.paths) as string[] })),
  };
}

/** What decides whether an item is current (read from a horizon on): `selectCurrentItems` as a test on a record. */
export interface CurrentFields {
  number: number;
  state: 'open' | 'closed';
  updatedAt: string;
  closedAt: string | null;
  milestoneNumber: number | null;
}

/** An item's key as `loadActivityItemKeys` gives it, and what makes it current. */
export interface HeldKey<K> {
  key: K;
  current: CurrentFields;
}
export type PullRequestKey = HeldKey<ActivityItemKeys['pullRequests'][number]>;
export type IssueKey = HeldKey<ActivityItemKeys['issues'][number]>;

/** The keys of the PRs `condition` selects, in number order. */
export async function readPullRequestKeys(context: ReadContext, condition: RawBuilder<SqlBool>): Promise<PullRequestKey[]> {
  const rows = await context.rows(
    sql`SELECT number, author, state, labels, created_at, updated_at, closed_at, milestone_number FROM pull_requests
      WHERE ${context.inRepo} AND ${condition} ORDER BY number`.compile(context.db),
  );
  return rows.map(([number, author, state, labels, createdAt, updatedAt, closedAt, milestoneNumber]) => {
    const key = {
      number: number as number,
      author: author as string,
      state: state as 'open' | 'closed',
      labels: JSON.parse(labels as string) as string[],
      createdAt: createdAt as string,
      updatedAt: updatedAt as string,
    };
    return { key, current: { ...key, closedAt: (closedAt as string | null) ?? null, milestoneNumber: (milestoneNumber as number | null) ?? null } };
  });
}

/** The keys of the issues `condition` selects, in number order. */
export async function readIssueKeys(context: ReadContext, condition: RawBuilder<SqlBool>): Promise<IssueKey[]> {
  const rows = await context.rows(
    sql`SELECT number, labels, state, updated_at, closed_at, milestone_number FROM issues
      WHERE ${context.inRepo} AND ${condition} ORDER BY number`.compile(context.db),
  );
  return rows.map(([number, labels, state, updatedAt, closedAt, milestoneNumber]) => ({
    key: { number: number as number, labels: JSON.parse(labels as string) as string[] },
    current: {
      number: number as number,
      state: state as 'open' | 'closed',
      updatedAt: updatedAt as string,
      closedAt: (closedAt as string | null) ?? null,
      milestoneNumber: (milestoneNumber as number | null) ?? null,
    },
  }));
}
