import { type Kysely, type KyselyPlugin, type SqlBool, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { IssueRecord, PullRequestRecord } from '../../src/core/records.js';
import { emptyBatch } from '../../src/ingest/record-batch.js';
import type { Database } from '../../src/store/database.js';
import { joinSpans, numberRunsOfOneRun, readNumberRuns, readNumberRunsInFull } from '../../src/store/read-number-runs.js';
import type { Store } from '../../src/store/store.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';

const T = '2026-01-05T10:00:00Z';

function pr(repoId: number, number: number): PullRequestRecord {
  return {
    repoId, id: repoId * 100_000 + number, number, title: `PR ${number}`, author: 'alice', authorType: 'User', authorAssociation: 'CONTRIBUTOR',
    openedAuthorAssociation: null, state: 'open', draft: false, openedAsDraft: false, createdAt: T, updatedAt: T, closedAt: null,
    mergedAt: null, mergedBy: null, additions: 1, deletions: 1, changedFiles: 1, labels: [], milestoneNumber: null,
    baseRef: 'main', headRef: `b${number}`, headSha: `sha${number}`,
  };
}

function issue(repoId: number, number: number): IssueRecord {
  return {
    repoId, id: repoId * 100_000 + 50_000 + number, number, title: `Issue ${number}`, author: 'bob', authorType: 'User',
    authorAssociation: 'NONE', state: 'open', createdAt: T, updatedAt: T, closedAt: null, closedBy: null, labels: [],
    milestoneNumber: null, assignees: [],
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The definition, over the set of numbers: the run from #1, and where the run ending at the highest number starts. */
function expectedRuns(prs: number[], issues: number[]) {
  const numbers = new Set([...prs, ...issues]);
  let contiguousThrough = 0;
  while (numbers.has(contiguousThrough + 1)) contiguousThrough += 1;
  const top = Math.max(0, ...numbers);
  let runStart = top + 1;
  while (numbers.has(runStart - 1)) runStart -= 1;
  return { contiguousThrough, runStart: numbers.size === 0 ? 1 : runStart };
}

/**
 * Stored PR and issue numbers, and whether the counts alone tell the runs (one gap-free run: no full read). Repository
 * 2 of the same installation holds the numbers repository 1 lacks: they must not count.
 */
const CASES: Array<{ name: string; prs: number[]; issues: number[]; shortcut: boolean }> = [
  { name: 'an empty repository', prs: [], issues: [], shortcut: true },
  { name: 'PRs and issues interleaved from #1, no gap', prs: range(1, 40).filter((n) => n % 3 !== 0), issues: range(1, 40).filter((n) => n % 3 === 0), shortcut: true },
  { name: 'PRs only, no gap', prs: range(1, 12), issues: [], shortcut: true },
  { name: 'issues only, no gap', prs: [], issues: range(1, 7), shortcut: true },
  { name: 'a single item, #1', prs: [1], issues: [], shortcut: true },
  { name: 'a single item, #7', prs: [], issues: [7], shortcut: true },
  { name: 'a gap at the start (a backfill from #20 on)', prs: range(20, 60).filter((n) => n % 2 === 0), issues: range(20, 60).filter((n) => n % 2 === 1), shortcut: true },
  { name: 'a gap in the middle', prs: [...range(1, 10), ...range(15, 30)], issues: [11, 31], shortcut: false },
  { name: 'a gap at the end', prs: range(1, 20), issues: [25], shortcut: false },
  { name: 'gaps at the start and in the middle', prs: [...range(3, 8), ...range(12, 14)], issues: [9, 15], shortcut: false },
  { name: 'gaps everywhere', prs: [2, 4, 6, 9], issues: [11, 13, 14], shortcut: false },
  { name: 'numbers shared by both tables, no gap', prs: range(1, 12), issues: range(8, 20), shortcut: true },
  { name: 'the same numbers in both tables', prs: range(1, 9), issues: range(1, 9), shortcut: true },
  // As many rows as the span holds numbers, yet #3 is missing: the shared #2 hides the gap from the counts.
  { name: 'a shared number hiding a gap', prs: [1, 2], issues: [2, 4], shortcut: false },
  { name: 'shared numbers and a gap in the middle', prs: range(1, 10), issues: [...range(1, 8), 12], shortcut: false },
  { name: 'shared numbers and a gap at the start', prs: range(5, 10), issues: [...range(8, 12), 3], shortcut: false },
];

/** Counts the statements a Kysely runs (to tell the shortcut from the full read). */
function counting(db: Kysely<Database>): { db: Kysely<Database>; statements: () => number } {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), statements: () => statements };
}

describe.each(TEST_BACKENDS)('stored item number runs on $name', (backend) => {
  let store: Store;
  let db: Kysely<Database>;
  useFreshStore(backend, (opened) => {
    store = opened;
    // The store's own Kysely (the functions under test take one, as readHistory does).
    db = (opened as unknown as { db: Kysely<Database> }).db;
  });
  const inRepo = sql<SqlBool>`(installation_id = ${1} AND repo_id = ${1})`;

  it.each(CASES)('the counts give the full read’s runs, or it is read in full: $name', async ({ prs, issues, shortcut }) => {
    const filler = range(1, 70).filter((n) => !prs.includes(n) && !issues.includes(n));
    await store.applyBatch({
      ...emptyBatch(1),
      repositories: [1, 2].map((repoId) => ({ installationId: 1, repoId, fullName: `o/r${repoId}`, defaultBranch: 'main', private: false })),
      pullRequests: [...prs.map((n) => pr(1, n)), ...filler.map((n) => pr(2, n))],
      issues: [...issues.map((n) => issue(1, n)), ...filler.filter((n) => n % 5 === 0).map((n) => issue(2, n))],
    });
    const full = await readNumberRunsInFull(db, inRepo);
    const counted = counting(db);
    const runs = await readNumberRuns(counted.db, inRepo);
    expect(full).toEqual(expectedRuns(prs, issues));
    expect(runs).toEqual(full);
    // The shortcut: two span queries and, when the tables' spans meet, the shared count; the full read adds two.
    expect(counted.statements() <= 3).toBe(shortcut);
  });

  it('tells one run from the spans alone only when the distinct numbers fill it', () => {
    const span = (numbers: number[]) => ({ count: numbers.length, low: numbers.length ? Math.min(...numbers) : null, high: numbers.length ? Math.max(...numbers) : null });
    expect(numberRunsOfOneRun(joinSpans(span([1, 3]), span([2, 4])), 0)).toEqual({ contiguousThrough: 4, runStart: 1 });
    expect(numberRunsOfOneRun(joinSpans(span([1, 2]), span([2, 4])), 1)).toBeNull();
    expect(numberRunsOfOneRun(joinSpans(span([5, 6]), span([7])), 0)).toEqual({ contiguousThrough: 0, runStart: 5 });
    expect(numberRunsOfOneRun(joinSpans(span([]), span([])), 0)).toEqual({ contiguousThrough: 0, runStart: 1 });
  });
});
