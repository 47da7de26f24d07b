import { sign } from '@octokit/webhooks-methods';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readProductionSettings } from '../../src/ops/production-settings.js';
import { runWebProcess, type WebProcess } from '../../src/ops/run-web-process.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_PRIVATE_KEY } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { TEST_POSTGRES_URL } from '../helpers/stores.js';
import { createTestDatabase, type TestDatabase, WEBHOOK_SECRET } from './support/harness.js';

/**
 * The store stalls (a lock on `deliveries`) past GitHub's deadline, then its connections drop: the delivery must
 * not be acknowledged (GitHub marks it failed, so the missed-deliveries recovery asks for it again).
 */
describe('a store that stalls past the acknowledgement deadline', () => {
  let web: WebProcess | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await web?.close();
    await database?.drop();
  });

  it('answers 503 by the deadline instead of 2xx, and records the delivery when GitHub sends it again', async () => {
    database = createTestDatabase();
    web = await runWebProcess(
      readProductionSettings({
        APP_ID: '1', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_API_URL: 'http://127.0.0.1:9', DATABASE_URL: database.url,
        DATABASE_SCHEMA: database.schema, HOST: '127.0.0.1', PORT: '0', RECOVERY_INTERVAL_MS: '0', ACK_DEADLINE_MS: '1500', SHUTDOWN_GRACE_MS: '1000',
      }),
      silentLog,
    );
    const delivery = generateDeliveries({ pullRequests: 1 }).find((d) => d.name === 'pull_request')!;
    const body = JSON.stringify(delivery.payload);
    const post = async () => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${web!.port}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': delivery.name, 'x-github-delivery': delivery.id, 'x-hub-signature-256': await sign(WEBHOOK_SECRET, body) },
        body,
      });
      await response.text();
      return { status: response.status, ms: performance.now() - started };
    };
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE "${database.schema}".deliveries IN ACCESS EXCLUSIVE MODE`);
      const stalled = await post();
      expect(stalled.status).toBe(503);
      expect(stalled.ms).toBeLessThan(1_500 + 1_000);
      await database.dropConnections();
      await admin.query('ROLLBACK');
    } finally {
      await admin.end();
    }
    // GitHub's redelivery (asked for by the recovery, since the attempt was not 2xx) is recorded.
    expect((await post()).status).toBe(200);
    const store = await openStore(database.url, { schema: database.schema });
    expect((await store.getDelivery(delivery.id))?.status).toBeDefined();
    await store.close();
  });
});
