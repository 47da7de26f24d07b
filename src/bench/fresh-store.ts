import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/** PostgreSQL for benchmarks: `BENCH_DATABASE_URL`, else the local test database. */
export const BENCH_POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh store, and where another process finds it (`openStore(url, { schema })`). */
export interface FreshStore {
  store: Store;
  url: string;
  schema?: string;
  /** Closes the store and removes its file or schema. */
  drop: () => Promise<void>;
  /**
   * After a bulk load, what a database in service has done by itself: PostgreSQL's autovacuum has analyzed the new
   * tables (the planner has statistics); SQLite needs nothing.
   */
  settle: () => Promise<void>;
}

/** An empty, migrated store on a fresh SQLite file or a fresh PostgreSQL schema; `drop` removes it again. */
export async function openFreshStore(backend: 'sqlite' | 'postgres'): Promise<FreshStore> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fw-bench-'));
    const url = `sqlite:${join(dir, 'bench.db')}`;
    const store = await openStore(url);
    return {
      store,
      url,
      settle: async () => {},
      drop: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore(BENCH_POSTGRES_URL, { schema });
  return {
    store,
    url: BENCH_POSTGRES_URL,
    schema,
    settle: async () => {
      const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, options: `-c search_path=${schema}` });
      await client.connect();
      await client.query('ANALYZE');
      await client.end();
    },
    drop: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}
