import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countDuplicateWrites } from '../../src/loadtest/count-duplicate-writes.js';
import { readProductionSettings } from '../../src/ops/production-settings.js';
import { runWebProcess, type WebProcess } from '../../src/ops/run-web-process.js';
import { CHECK_RUN_NAME } from '../../src/render/render-check-run.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { type GitHubSimulator, startGitHubSimulator } from '../../src/simulator/start-github-simulator.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { TEST_PRIVATE_KEY } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { deliver, waitFor, WEBHOOK_SECRET } from './support/harness.js';

/**
 * GitHub applies a write and answers 502 (its front end timed out): the app's own reactions (APP_ID set, so only
 * its own check runs and comments count) must not create the check run or the comment a second time.
 */
describe('ghost writes: applied, then answered 502 (app handlers)', () => {
  let simulator: GitHubSimulator | undefined;
  let web: WebProcess | undefined;
  let store: Store | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await web?.close();
    await store?.close();
    await simulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves one check run per head commit and one sticky comment per pull request', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-ghost-'));
    simulator = await startGitHubSimulator({
      dataset: { installations: [{ id: 1, account: 'sample-org', repositories: [{ id: 100_001, fullName: 'sample-org/sample-repo', defaultBranch: 'main' }] }] },
    });
    simulator.injectFaults([
      { method: 'POST', path: /\/check-runs$/, kind: 'ghost-write', times: 2 },
      { method: 'POST', path: /\/issues\/\d+\/comments$/, kind: 'ghost-write', times: 2 },
    ]);
    const url = `sqlite:${join(dir, 'store.db')}`;
    const settings = readProductionSettings({
      APP_ID: '1', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_API_URL: simulator.url, GITHUB_WRITE_INTERVAL_MS: '0',
      DATABASE_URL: url, HOST: '127.0.0.1', PORT: '0', RECOVERY_INTERVAL_MS: '0',
    });
    web = await runWebProcess(settings, silentLog);
    store = await openStore(url);
    const deliveries = generateDeliveries({ seed: 21, pullRequests: 3 });
    for (const delivery of deliveries) expect((await deliver(`http://127.0.0.1:${web.port}/api/github/webhooks`, delivery, simulator)).status).toBe(200);
    await waitFor(async () => {
      for (const delivery of deliveries) if ((await store!.getDelivery(delivery.id))?.status === 'pending') return false;
      return true;
    }, 60_000, 'deliveries finished');

    expect(simulator.firedFaults.filter((fault) => fault.kind === 'ghost-write').length).toBeGreaterThanOrEqual(2);
    expect(simulator.state.checkRuns.filter((run) => run.name === CHECK_RUN_NAME).length).toBeGreaterThan(0);
    expect(countDuplicateWrites(simulator.state)).toBe(0);
    expect(simulator.unspoken).toEqual([]);
    expect(await store.countDeadDeliveries()).toEqual({ dead: 0, failed: 0 });
  }, 90_000);
});
