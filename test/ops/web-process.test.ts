import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { readProductionSettings } from '../../src/ops/production-settings.js';
import { runWebProcess, type WebProcess } from '../../src/ops/run-web-process.js';
import { QUEUE_NAMES } from '../../src/queue/queue-names.js';
import { CHECK_RUN_NAME } from '../../src/render/render-check-run.js';
import { rememberPullRequest } from '../../src/simulator/simulator-state.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { type GitHubSimulator, startGitHubSimulator } from '../../src/simulator/start-github-simulator.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_PRIVATE_KEY, TEST_WEBHOOK_SECRET } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { waitFor } from '../helpers/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const delivery = generateDeliveries({ pullRequests: 1 }).find((d) => d.name === 'pull_request')!;
const body = JSON.stringify(delivery.payload);

function settings(extra: Record<string, string>) {
  return readProductionSettings({
    APP_ID: '1',
    PRIVATE_KEY: TEST_PRIVATE_KEY,
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    HOST: '127.0.0.1',
    PORT: '0',
    RECOVERY_INTERVAL_MS: '0',
    ...extra,
  });
}

async function postDelivery(port: number, id = delivery.id, signature?: string) {
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.name,
      'x-github-delivery': id,
      'x-hub-signature-256': signature ?? (await sign(TEST_WEBHOOK_SECRET, body)),
    },
    body,
  });
}

/** Sends only the headers and a few bytes of a body that claims `length`; resolves to the status the server answers. */
function startOversizedPost(port: number, headers: Record<string, string | number>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/github/webhooks', headers }, (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    request.on('error', reject);
    request.write('{"a":');
  });
}


describe('the production web process over HTTP', () => {
  let web: WebProcess | undefined;
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    await web?.close();
    web = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  describe('embedded mode (no REDIS_URL)', () => {
    let simulator: GitHubSimulator;
    /** An embedded web process against the simulator, with the app's handlers. */
    const openEmbedded = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fw-web-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      simulator = await startGitHubSimulator({
        dataset: { installations: [{ id: 1, account: 'sample-org', repositories: [{ id: 100_001, fullName: 'sample-org/sample-repo', defaultBranch: 'main' }] }] },
      });
      cleanups.push(() => simulator.close());
      const url = `sqlite:${join(dir, 'store.db')}`;
      rememberPullRequest(simulator.state, delivery.payload);
      web = await runWebProcess(settings({ DATABASE_URL: url, GITHUB_API_URL: simulator.url, GITHUB_WRITE_INTERVAL_MS: '0' }), silentLog);
      return url;
    };

    it('acknowledges a signed delivery and processes it in the process, reactions included', async () => {
      const url = await openEmbedded();
      expect(web!.mode).toBe('embedded');
      const response = await postDelivery(web!.port);
      expect(response.status).toBe(200);
      const store = await openStore(url);
      cleanups.unshift(() => store.close());
      await waitFor(async () => (await store.getDelivery(delivery.id))?.status === 'processed', 10_000);
      expect((await store.loadActivity(1, 100_001))?.pullRequests).toHaveLength(1);
      const head = (delivery.payload as { pull_request: { head: { sha: string } } }).pull_request.head.sha;
      expect(simulator.state.checkRuns.map((run) => [run.name, run.head_sha, run.app.id])).toEqual([[CHECK_RUN_NAME, head, 1]]);
      const metrics = await (await fetch(`http://127.0.0.1:${web!.port}/metrics`)).text();
      expect(metrics).toContain('fallacy_watch_deliveries_total{event="pull_request",outcome="queued"} 1');
      expect(metrics).toContain('fallacy_watch_deliveries_total{event="pull_request",outcome="new"} 1');
      expect(metrics).toContain('fallacy_watch_delivery_processing_seconds_count{event="pull_request"} 1');
    });

    it('imports the history of a newly installed repository in the process, as the scaled-out mode does with a job', async () => {
      const url = await openEmbedded();
      const payload = {
        action: 'created',
        installation: { id: 1, account: { login: 'sample-org', type: 'Organization' } },
        repositories: [{ id: 100_001, name: 'sample-repo', full_name: 'sample-org/sample-repo', private: false }],
        sender: { login: 'sample-org-admin', type: 'User' },
      };
      const installBody = JSON.stringify(payload);
      const response = await fetch(`http://127.0.0.1:${web!.port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'installation',
          'x-github-delivery': 'install-1',
          'x-hub-signature-256': await sign(TEST_WEBHOOK_SECRET, installBody),
        },
        body: installBody,
      });
      expect(response.status).toBe(200);
      const store = await openStore(url);
      cleanups.unshift(() => store.close());
      await waitFor(async () => (await store.getBackfillCheckpoint(1, 100_001, 'repository'))?.syncedThrough != null, 10_000);
      const pullRequestsRun = await store.getBackfillCheckpoint(1, 100_001, 'pullRequests');
      expect(pullRequestsRun).toMatchObject({ cursor: null, runStartedAt: null });
      expect((await store.listRepositories(1)).map((repository) => repository.fullName)).toEqual(['sample-org/sample-repo']);
    });

    it('refuses a forged signature with 400 and stores nothing', async () => {
      const url = await openEmbedded();
      expect((await postDelivery(web!.port, 'forged', await sign('wrong', body))).status).toBe(400);
      const store = await openStore(url);
      cleanups.unshift(() => store.close());
      expect(await store.getDelivery('forged')).toBeUndefined();
    });

    it('answers 413 to a body declared over 25 MB before the body is sent, and 411 to one without a length', async () => {
      await openEmbedded();
      const headers = { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'big', 'x-hub-signature-256': 'sha256=00' };
      expect(await startOversizedPost(web!.port, { ...headers, 'content-length': 25 * 1024 * 1024 + 1 })).toBe(413);
      expect(await startOversizedPost(web!.port, { ...headers, 'transfer-encoding': 'chunked' })).toBe(411);
      expect((await postDelivery(web!.port)).status).toBe(200);
    });

    it('serves /healthz and /readyz', async () => {
      await openEmbedded();
      expect(await (await fetch(`http://127.0.0.1:${web!.port}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`http://127.0.0.1:${web!.port}/readyz`);
      expect(ready.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${web!.port}/nowhere`)).status).toBe(404);
    });
  });

  describe('queue mode (REDIS_URL)', () => {
    it('records the delivery and queues one job under its id, however often GitHub sends it', async () => {
      const prefix = `fw-test-${randomBytes(4).toString('hex')}`;
      web = await runWebProcess(settings({ DATABASE_URL: 'sqlite::memory:', REDIS_URL, QUEUE_PREFIX: prefix }), silentLog);
      const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(QUEUE_NAMES.deliveries, { connection, prefix });
      cleanups.push(async () => {
        await queue.close();
        const keys = await connection.keys(`${prefix}:*`);
        if (keys.length > 0) await connection.del(...keys);
        await connection.quit();
      });
      expect(web.mode).toBe('queue');
      expect((await postDelivery(web.port)).status).toBe(200);
      expect((await postDelivery(web.port)).status).toBe(200);
      expect(await queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
      expect((await queue.getJob(delivery.id))?.data).toEqual({ deliveryId: delivery.id, event: 'pull_request', action: 'opened', installationId: 1, repository: 'sample-org/sample-repo' });
      const ready = await (await fetch(`http://127.0.0.1:${web.port}/readyz`)).json();
      expect(ready).toEqual({ status: 'ready' });
      expect(await (await fetch(`http://127.0.0.1:${web.port}/metrics`)).text()).toContain(`fallacy_watch_queue_depth{queue="${QUEUE_NAMES.deliveries}",state="waiting"} 1`);
    });

    it('is not ready while Redis cannot be reached', async () => {
      web = await runWebProcess(settings({ DATABASE_URL: 'sqlite::memory:', REDIS_URL: 'redis://127.0.0.1:9' }), silentLog);
      const ready = await fetch(`http://127.0.0.1:${web.port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unready', failures: { redis: expect.any(String) } });
    });
  });
});
