import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqlBool, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { storeActivity } from '../../src/bench/store-activity.js';
import type { RepositoryActivity } from '../../src/core/records.js';
import { emptyBatch, type RecordBatch } from '../../src/ingest/record-batch.js';
import { reportHistoryQuestions } from '../../src/metrics/history-definitions.js';
import { METRIC_EVENT_KINDS } from '../../src/metrics/index-activity.js';
import { ActivityMirror } from '../../src/store/activity-mirror.js';
import type { Database } from '../../src/store/database.js';
import { openStore } from '../../src/store/open-store.js';
import { COMMENTS } from '../../src/store/read-activity.js';
import { sqliteArrayRows } from '../../src/store/read-array-rows.js';
import type { ActivitySelection, Store } from '../../src/store/store.js';

const END = new Date('2026-11-22T00:00:00Z');
const DAY_MS = 86_400_000;
const SINCE = new Date(END.getTime() - 160 * DAY_MS).toISOString();

/**
 * The SQLite store keeps the rows PR check runs read in memory (`ActivityMirror`) and is told of its own writes; these
 * tests write between reads and compare every answer with a store on a new connection, whose first read of each item
 * comes from the database.
 */
describe('the activity mirror of the SQLite store', () => {
  let dir: string;
  let url: string;
  let store: Store;
  const activity = generateActivity({ seed: 21, end: END, pullRequests: 1500, events: 15_000 });
  const open = activity.pullRequests.filter((pr) => pr.state === 'open');
  const closedOld = activity.pullRequests.filter((pr) => pr.state === 'closed' && pr.updatedAt < SINCE);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-mirror-'));
    url = `sqlite:${join(dir, 'store.db')}`;
    store = await openStore(url);
    await storeActivity(store, activity);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the store under test answers, and what a store on a new connection answers, for the same questions. */
  async function expectFresh(since = SINCE, pick: (numbers: number[]) => number[] = (numbers) => numbers): Promise<void> {
    const fresh = await openStore(url);
    try {
      const [mirrored, expected] = [await read(store, since, pick), await read(fresh, since, pick)];
      expect(mirrored.keys).toEqual(expected.keys);
      for (const records of ['pullRequests', 'issues', 'reviews', 'comments', 'events', 'pullRequestFiles', 'milestones'] as const) {
        expect(mirrored.activity[records]).toEqual(expected.activity[records]);
      }
      expect(mirrored.activity.history!.pullRequestAuthors).toEqual(expected.activity.history!.pullRequestAuthors);
    } finally {
      await fresh.close();
    }
  }

  it('answers repeated reads from memory with what the database holds', async () => {
    await expectFresh();
    await expectFresh();
    // A part of the items: only those are read (and answered from memory the next time).
    await expectFresh(SINCE, (numbers) => numbers.filter((number) => number % 3 === 0));
  });

  it('sees its own writes: a PR closed and relabelled, new comments, reviews and events, changed files', async () => {
    await expectFresh();
    const pr = open[0]!;
    const at = new Date(END.getTime() - DAY_MS).toISOString();
    await store.applyBatch(
      batch({
        pullRequests: [{ ...pr, state: 'closed', closedAt: at, updatedAt: at, labels: ['area/new'] }],
        comments: [
          { repoId: 1, id: 8_000_001, kind: 'issue', itemNumber: open[1]!.number, onPullRequest: true, author: 'someone', authorType: 'User', createdAt: at, updatedAt: at, deleted: false, commands: ['lgtm'] },
        ],
        reviews: [{ repoId: 1, id: 8_000_002, prNumber: open[2]!.number, author: 'reviewer-3', authorType: 'User', state: 'APPROVED', submittedAt: at, commitId: null }],
        events: [{ repoId: 1, itemNumber: open[3]!.number, itemKind: 'pr', kind: 'review_requested', actor: 'a', subject: 'reviewer-4', subjectType: 'user', at }],
      }),
    );
    await store.savePullRequestFiles(1, 1, open[4]!.number, open[4]!.headSha, ['brand/new/path.ts']);
    await expectFresh();
  });

  it('takes in an old item that a write makes current, and drops one a write leaves behind', async () => {
    await expectFresh();
    const old = closedOld[0]!;
    const at = new Date(END.getTime() - 2 * DAY_MS).toISOString();
    await store.applyBatch(batch({ pullRequests: [{ ...old, updatedAt: at }] }));
    await expectFresh();
    const keys = (await store.loadActivityItemKeys(1, 1, SINCE))!;
    expect(keys.pullRequests.some((pr) => pr.number === old.number)).toBe(true);
  });

  it('sees an author\'s earlier PR stored, and a first PR found on GitHub', async () => {
    await expectFresh();
    const pr = open[8]!;
    const before = (await read(store, SINCE, (numbers) => numbers)).activity.history!.pullRequestAuthors.find((entry) => entry.author === pr.author)!;
    // Backfill stores a PR of theirs older than any stored: it becomes their first.
    const earlier = new Date(Date.parse(before.firstCreatedAt) - DAY_MS).toISOString();
    await store.applyBatch(batch({ pullRequests: [{ ...pr, number: 999_001, id: 999_001, createdAt: earlier, updatedAt: earlier, state: 'closed', closedAt: earlier, mergedAt: null }] }));
    await store.saveAuthorFirstPullRequests(1, 1, [{ author: open[9]!.author, firstNumber: 12, lookedUpAt: END.toISOString() }]);
    await expectFresh();
    const after = (await read(store, SINCE, (numbers) => numbers)).activity.history!.pullRequestAuthors;
    expect(after.find((entry) => entry.author === pr.author)?.firstNumber).toBe(999_001);
    expect(after.find((entry) => entry.author === open[9]!.author)?.searchedFirstNumber).toBe(12);
  });

  it('sees writes by another connection to the same file (a backfill beside the app)', async () => {
    await expectFresh();
    const other = await openStore(url);
    const at = new Date(END.getTime() - 3 * DAY_MS).toISOString();
    await other.applyBatch(batch({ pullRequests: [{ ...open[5]!, title: 'changed elsewhere', labels: ['area/elsewhere'], updatedAt: at }] }));
    await other.savePullRequestFiles(1, 1, open[6]!.number, open[6]!.headSha, ['elsewhere.ts']);
    await other.close();
    await expectFresh();
    const read = await store.loadActivity(1, 1, narrowOptions(SINCE, [open[5]!.number]));
    expect(read!.pullRequests.find((pr) => pr.number === open[5]!.number)?.title).toBe('changed elsewhere');
  });

  it('drops a repository whose records a deletion changes, and follows a later horizon and a reopened milestone', async () => {
    await expectFresh();
    const issue = activity.issues.find((candidate) => candidate.state === 'open')!;
    await store.applyBatch(batch({ tombstones: [{ repoId: 1, kind: 'issue', key: issue.number }] }));
    await expectFresh();
    // A later horizon: fewer items current, answered from the keys already read.
    await expectFresh(new Date(END.getTime() - 60 * DAY_MS).toISOString());
    // An earlier one, and a milestone closed long ago reopened: its items become current.
    const milestone = activity.milestones.find((candidate) => candidate.state === 'closed' && (candidate.closedAt ?? '') < SINCE);
    if (milestone) await store.applyBatch(batch({ milestones: [{ ...milestone, state: 'open', closedAt: null, updatedAt: END.toISOString() }] }));
    await expectFresh(new Date(END.getTime() - 200 * DAY_MS).toISOString());
    await expectFresh();
  });

  it('does not keep rows read while a write was told: the next read reads them again', async () => {
    const database = new SQLite(url.slice('sqlite:'.length));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    const inner = sqliteArrayRows(database);
    let duringRead: (() => Promise<void>) | null = null;
    const rows: typeof inner = Object.assign(
      async (query: Parameters<typeof inner>[0]) => {
        const result = await inner(query);
        const write = duringRead;
        duringRead = null;
        if (write) await write();
        return result;
      },
      { mixesTypes: inner.mixesTypes },
    );
    // The write goes through another connection; the data version is held still so that only `forgetItems` tells.
    const mirror = new ActivityMirror(db, () => 0);
    const context = { db, rows, repoId: 1, inRepo: sql<SqlBool>`(installation_id = 1 AND repo_id = 1)` };
    const pr = open[7]!;
    const commentsOf = async () =>
      (await mirror.sourceFor(context, 1, SINCE, new Set()).children(COMMENTS, true, [pr.number], () => true)).map((comment) => comment.id);
    const at = new Date(END.getTime() - DAY_MS).toISOString();
    // The rows are read, then a write commits a new comment on the PR and is told, before the read returns.
    duringRead = async () => {
      await store.applyBatch(
        batch({ comments: [{ repoId: 1, id: 8_000_099, kind: 'issue', itemNumber: pr.number, onPullRequest: true, author: 'late', authorType: 'User', createdAt: at, updatedAt: at, deleted: false, commands: [] }] }),
      );
      mirror.forgetItems(1, 1, { pullRequests: [pr.number], issues: [] });
    };
    expect(await commentsOf()).not.toContain(8_000_099);
    expect(await commentsOf()).toContain(8_000_099);
    await db.destroy();
  });

  function batch(records: Partial<RecordBatch>): RecordBatch {
    return { ...emptyBatch(1), ...records };
  }
});

function narrowOptions(since: string, pullRequests: number[], issues: number[] = []) {
  const only: ActivitySelection = {
    pullRequests,
    issues,
    reviewed: { pullRequests: [], since },
    authors: [],
    logins: [],
    lastActiveUntil: END.toISOString(),
  };
  return { since, eventKinds: METRIC_EVENT_KINDS, history: reportHistoryQuestions([{ from: since, to: END.toISOString() }]), only };
}

/** The keys from `since`, and a narrow read of the picked PRs and issues (the rest of the PRs read for their reviews). */
async function read(store: Store, since: string, pick: (numbers: number[]) => number[]): Promise<{ keys: unknown; activity: RepositoryActivity }> {
  const keys = (await store.loadActivityItemKeys(1, 1, since))!;
  const pullRequests = pick(keys.pullRequests.map((pr) => pr.number));
  const chosen = new Set(pullRequests);
  const options = narrowOptions(since, pullRequests, pick(keys.issues.map((issue) => issue.number)));
  options.only.authors = [...new Set(keys.pullRequests.map((pr) => pr.author))];
  options.only.reviewed = { pullRequests: keys.pullRequests.filter((pr) => !chosen.has(pr.number)).map((pr) => pr.number), since: new Date(END.getTime() - 90 * DAY_MS).toISOString() };
  return { keys, activity: (await store.loadActivity(1, 1, options))! };
}

describe('the activity mirror setting', () => {
  it('is off with mirrorRepositories 0: every read goes to the database', async () => {
    const store = await openStore('sqlite::memory:', { mirrorRepositories: 0 });
    try {
      expect((store as unknown as { mirror?: unknown }).mirror).toBeUndefined();
      const kept = await openStore('sqlite::memory:');
      expect((kept as unknown as { mirror?: unknown }).mirror).toBeInstanceOf(ActivityMirror);
      await kept.close();
    } finally {
      await store.close();
    }
  });
});
