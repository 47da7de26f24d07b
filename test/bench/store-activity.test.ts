import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { storeActivity } from '../../src/bench/store-activity.js';
import { emptyBatch } from '../../src/ingest/record-batch.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { openInFreshSchema, withTestPostgresClient } from '../helpers/stores.js';

/** A fresh store whose every table can be read back raw (not through the store), to compare two stores row by row. */
interface DumpableStore {
  store: Store;
  /** Every row of every table but kysely's migration tables, each table's rows in a fixed order. */
  dump(): Promise<Record<string, unknown[]>>;
  drop(): Promise<void>;
}

const BACKENDS: Array<{ name: 'sqlite' | 'postgres'; open: () => Promise<DumpableStore> }> = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fw-store-activity-'));
      const path = join(dir, 'store.db');
      const store = await openStore(`sqlite:${path}`);
      return {
        store,
        dump: async () => {
          const db = new SQLite(path, { readonly: true });
          try {
            const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>;
            return Object.fromEntries(tables.map(({ name }) => [name, sorted(db.prepare(`SELECT * FROM "${name}"`).all())]));
          } finally {
            db.close();
          }
        },
        drop: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const { schema, store } = await openInFreshSchema();
      const withClient = withTestPostgresClient;
      return {
        store,
        dump: () =>
          withClient(async (client) => {
            const tables = await client.query<{ name: string }>(
              `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_name NOT LIKE 'kysely_%'`,
              [schema],
            );
            const dump: Record<string, unknown[]> = {};
            for (const { name } of tables.rows) dump[name] = sorted((await client.query(`SELECT * FROM "${schema}"."${name}"`)).rows);
            return dump;
          }),
        drop: async () => {
          await store.close();
          await withClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
        },
      };
    },
  },
];

function sorted(rows: unknown[]): unknown[] {
  return rows.map((row) => JSON.stringify(row)).sort().map((row) => JSON.parse(row) as unknown);
}

/**
 * What `storeActivity` wrote before its PR files were saved in batches: the same batches of items, then one
 * `savePullRequestFiles` per PR (two round trips each; on PostgreSQL they took longer than everything else).
 */
async function storeActivityOneFileAtATime(store: Store, activity: RepositoryActivity, installationId = 1): Promise<void> {
  await storeActivity(store, { ...activity, pullRequestFiles: [] }, installationId);
  const heads = new Map(activity.pullRequests.map((pr) => [pr.number, pr.headSha]));
  for (const files of activity.pullRequestFiles) {
    await store.savePullRequestFiles(installationId, activity.repository.repoId, files.prNumber, heads.get(files.prNumber) ?? '', files.paths);
  }
}

describe.each(BACKENDS)('storing generated activity for the benchmarks ($name)', (backend) => {
  // 6,000 items: more than one of storeActivity's batches of items, and of the store's statements of PR files.
  const activity = generateActivity({ seed: 5, end: new Date('2026-11-22T00:00:00Z'), pullRequests: 4_600, events: 20_000 });

  it('writes the very rows one save of files per PR wrote, in every table', async () => {
    expect(activity.pullRequestFiles.length).toBeGreaterThan(500);
    const [oneByOne, batched] = [await backend.open(), await backend.open()];
    try {
      await storeActivityOneFileAtATime(oneByOne.store, activity);
      await storeActivity(batched.store, activity);
      const [expected, actual] = [await oneByOne.dump(), await batched.dump()];
      expect(expected.pull_request_files).toHaveLength(activity.pullRequestFiles.length);
      expect(expected.timeline_events!.length).toBeGreaterThan(10_000);
      expect(actual).toEqual(expected);
    } finally {
      await oneByOne.drop();
      await batched.drop();
    }
  }, 120_000);

  it('keeps the last of two entries of one PR, replaces stored files, and stores nothing of a removed repository', async () => {
    const { store, dump, drop } = await backend.open();
    const repoId = activity.repository.repoId;
    try {
      await store.applyBatch({ ...emptyBatch(1), repositories: [{ ...activity.repository, installationId: 1 }] });
      await store.savePullRequestFiles(1, repoId, 1, 'old', ['old.ts']);
      await store.savePullRequestFilesBatch(1, repoId, [
        { prNumber: 1, headSha: 'first', paths: ['a.ts'] },
        { prNumber: 2, headSha: 'two', paths: ['b.ts', 'c.ts'] },
        { prNumber: 1, headSha: 'last', paths: ['d.ts'] },
      ]);
      expect(await store.loadPullRequestFileHeads(1, repoId, [1, 2, 3])).toEqual(
        new Map([
          [1, 'last'],
          [2, 'two'],
        ]),
      );
      expect((await store.loadActivity(1, repoId))!.pullRequestFiles).toEqual([
        { repoId, prNumber: 1, paths: ['d.ts'] },
        { repoId, prNumber: 2, paths: ['b.ts', 'c.ts'] },
      ]);

      await store.purgeRepositories(1, [repoId]);
      await store.savePullRequestFilesBatch(
        1,
        repoId,
        Array.from({ length: 1_200 }, (_, i) => ({ prNumber: i + 1, headSha: 'late', paths: ['x.ts'] })),
      );
      expect((await dump()).pull_request_files).toEqual([]);
      await store.restoreRepositories(1, [repoId]);
      await store.savePullRequestFilesBatch(
        1,
        repoId,
        Array.from({ length: 1_200 }, (_, i) => ({ prNumber: i + 1, headSha: 'back', paths: ['x.ts'] })),
      );
      expect((await dump()).pull_request_files).toHaveLength(1_200);
    } finally {
      await drop();
    }
  });
});
