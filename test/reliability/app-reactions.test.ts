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
      dataset: {
        installations: [
          {
            id: 1,
            account: 'sample-org',
            repositories: [
              { id: 100_001, fullName: 'sample-org/sample-repo', defaultBranch: 'main' },
              { id: 100_002, fullName: 'sample-org/second-repo', defaultBranch: 'main' },
            ],
          },
        ],
      },
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

  it('stores nothing of a repository removed from the installation and publishes nothing on it, until it is added back', async () => {
    const url = `http://127.0.0.1:${web.port}/api/github/webhooks`;
    const repository = { id: 100_002, fullName: 'sample-org/second-repo' };
    const [first, ...late] = generateDeliveries({ seed: 22, pullRequests: 2, repository }).map((d) => ({ ...d, id: `second-${d.id}` }));
    const membership = (action: 'added' | 'removed') => ({
      id: `membership-${action}`,
      name: 'installation_repositories',
      payload: {
        action,
        installation: { id: 1 },
        repository_selection: 'selected',
        [`repositories_${action}`]: [{ id: repository.id, full_name: repository.fullName, private: false }],
        [`repositories_${action === 'added' ? 'removed' : 'added'}`]: [],
        sender: { login: 'admin', id: 1, type: 'User' },
      },
    });
    const finished = async (ids: string[]) =>
      waitFor(async () => {
        for (const id of ids) if ((await store.getDelivery(id))?.status === 'pending') return false;
        return true;
      }, 30_000, 'deliveries finished');
    const checkRunsOnIt = () => simulator.state.checkRuns.filter((run) => run.repository === repository.fullName).length;

    expect((await deliver(url, first!, simulator)).status).toBe(200);
    expect((await deliver(url, membership('removed'), simulator)).status).toBe(200);
    await finished([first!.id, 'membership-removed']);
    expect(await store.loadActivity(1, repository.id)).toBeUndefined();
    const runsBefore = checkRunsOnIt();

    for (const delivery of late) expect((await deliver(url, delivery, simulator)).status).toBe(200);
    await finished(late.map((d) => d.id));
    expect(await store.loadActivity(1, repository.id)).toBeUndefined();
    expect((await store.listRepositories(1)).map((r) => r.repoId)).toEqual([100_001]);
    expect(checkRunsOnIt()).toBe(runsBefore);
    for (const delivery of late) expect(await store.getDelivery(delivery.id)).toMatchObject({ status: 'skipped', error: expect.stringMatching(/removed/) });

    expect((await deliver(url, membership('added'), simulator)).status).toBe(200);
    const again = late.map((d) => ({ ...d, id: `again-${d.id}` }));
    for (const delivery of again) expect((await deliver(url, delivery, simulator)).status).toBe(200);
    await finished(['membership-added', ...again.map((d) => d.id)]);
    expect((await store.loadActivity(1, repository.id))?.pullRequests.length).toBeGreaterThan(0);
    expect(checkRunsOnIt()).toBeGreaterThan(runsBefore);
  }, 60_000);
});
