import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from './support/harness.js';
import { TEST_POSTGRES_URL } from '../helpers/stores.js';

describe('a PostgreSQL connection terminated mid-query (57P01)', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close().catch(() => undefined);
    await database?.drop();
  });

  it('rejects that query instead of ending the process, and the next one connects again', async () => {
    database = createTestDatabase();
    store = await openStore(database.url, { schema: database.schema, maxConnections: 2 });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    // An admin transaction holds the deliveries table, so the store's insert waits inside its query.
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE "${database.schema}".deliveries IN ACCESS EXCLUSIVE MODE`);
      const stalled = store.purgeInstallation(1).then(
        () => 'resolved',
        () => 'rejected',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await database.dropConnections()).toBeGreaterThan(0);
      expect(await stalled).toBe('rejected');
      await admin.query('ROLLBACK');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
      expect(await store.recordDelivery({ id: 'd-1', name: 'issues', payload: {} }, new Date().toISOString())).toEqual({ outcome: 'new' });
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
    }
  });
});
