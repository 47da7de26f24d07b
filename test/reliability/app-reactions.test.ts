import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductionSettings } from '../../src/ops/production-settings.js';
import { runWebProcess, type WebProcess } from '../../src/ops/run-web-process.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { type GitHubSimulator, startGitHubSimulator } from '../../src/simulator/start-github-simulator.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { TEST_PRIVATE_KEY } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { deliver, waitFor, WEBHOOK_SECRET } from './support/harness.js';

/** The app's own reactions (no `--handlers`): signed deliveries in, what the simulator received out. */
describe("the app's reactions driven over sockets against the simulator", () => {
  let simulator: GitHubSimulator;
  let web: WebProcess;
  let store: Store;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-reactions-'));
    simulator = await startGitHubSimulator({
      dataset: { installations: [{ id: 1, account: 'sample-org', repositories: [{ id: 100_001, fullName: 'sample-org/sample-repo', defaultBranch: 'main' }] }] },
    });
    const url = `sqlite:${join(dir, 'store.db')}`;
    const settings = readProductionSettings({
      APP_ID: '1', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_API_URL: simulator.url, GITHUB_WRITE_INTERVAL_MS: '0',
      DATABASE_URL: url, HOST: '127.0.0.1', PORT: '0', RECOVERY_INTERVAL_MS: '0',
    });
    web = await runWebProcess(settings, silentLog);
    store = await openStore(url);
  });

  afterAll(async () => {
    await web?.close();
    await store?.close();
    await simulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts check runs on the pull requests it receives', async () => {
    const deliveries = generateDeliveries({ seed: 21, pullRequests: 2 });
    for (const delivery of deliveries) expect((await deliver(`http://127.0.0.1:${web.port}/api/github/webhooks`, delivery, simulator)).status).toBe(200);
    await waitFor(async () => {
      for (const delivery of deliveries) if ((await store.getDelivery(delivery.id))?.status === 'pending') return false;
      return true;
    }, 30_000, 'deliveries finished');
    expect(simulator.state.checkRuns.length).toBeGreaterThan(0);
    expect(simulator.state.checkRuns.every((run) => run.repository === 'sample-org/sample-repo')).toBe(true);
    expect(simulator.unspoken).toEqual([]);
    console.info(`app reactions wrote: ${[...new Set(simulator.state.writes.map((w) => `${w.method} ${w.path.replace(/\d+/g, 'N')}`))].join(', ')}`);
  }, 60_000);
});
