import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** PostgreSQL for tests (CI runs one at 127.0.0.1:5432 with trust auth and a `test` database). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store; `drop` removes it. */
  open(): Promise<{ store: Store; drop(): Promise<void> }>;
}

export const TEST_BACKENDS: TestBackend[] = [
  {
    name: 'sqlite',
    open: async () => {
      const store = await openStore('sqlite::memory:');
      return { store, drop: () => store.close() };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const store = await openStore(TEST_POSTGRES_URL, { schema, maxConnections: 4 });
      return {
        store,
        drop: async () => {
          await store.close();
          const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await client.end();
        },
      };
    },
  },
];

/** Before each test, a fresh store of `backend` handed to `use`; after it, the store is dropped. */
export function useFreshStore(backend: TestBackend, use: (store: Store) => void): void {
  let drop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    use(opened.store);
  });
  afterEach(async () => {
    await drop?.();
    drop = undefined;
  });
}
