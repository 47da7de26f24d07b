import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_PRIVATE_KEY } from '../helpers/probot.js';
import { deliver, spawnApp } from './support/harness.js';
import type { GitHubSimulator } from '../../src/simulator/start-github-simulator.js';

/** GitHub unreachable: it takes connections and never answers; `called` resolves on the first request it swallows. */
async function startBlackHole(): Promise<{ url: string; server: Server; called: Promise<void> }> {
  let onCall!: () => void;
  const called = new Promise<void>((resolve) => (onCall = resolve));
  const server = createServer(() => onCall());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, called };
}

describe('SIGTERM with a delivery in flight and GitHub unreachable (app handlers)', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('exits within SHUTDOWN_GRACE_MS, and the delivery stays pending in the store for the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-shutdown-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const github = await startBlackHole();
    cleanups.push(() => {
      github.server.closeAllConnections();
      github.server.close();
    });
    const databaseUrl = `sqlite:${join(dir, 'store.db')}`;
    const web = await spawnApp('web', {
      APP_ID: '1',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET: 'reliability-secret',
      GITHUB_API_URL: github.url,
      GITHUB_WRITE_INTERVAL_MS: '0',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      RECOVERY_INTERVAL_MS: '0',
      SHUTDOWN_GRACE_MS: '1000',
    });
    cleanups.push(async () => void (await web.kill9().catch(() => undefined)));
    const delivery = generateDeliveries({ pullRequests: 1 }).find((d) => d.name === 'pull_request')!;
    const fakeSimulator = { state: { hookDeliveries: [] as unknown[], pullRequests: new Map(), nextId: () => 1 } } as unknown as GitHubSimulator;
    expect((await deliver(`http://127.0.0.1:${web.port}/api/github/webhooks`, delivery, fakeSimulator)).status).toBe(200);
    // In flight: the app is waiting on GitHub.
    await github.called;

    const started = performance.now();
    await web.stop();
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1_000 + 1_500);

    const store = await openStore(databaseUrl);
    cleanups.push(() => store.close());
    expect((await store.getDelivery(delivery.id))?.status).toBe('pending');
  });
});
