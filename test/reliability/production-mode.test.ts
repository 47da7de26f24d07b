import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDuplicateWrites } from '../../src/loadtest/count-duplicate-writes.js';
import { CONFIG_PATH } from '../../src/config/config-schema.js';
import { CHECK_RUN_NAME } from '../../src/render/render-check-run.js';
import { readDigestMarker } from '../../src/render/render-digest.js';
import { QUEUE_NAMES } from '../../src/queue/queue-names.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { type GitHubSimulator, startGitHubSimulator } from '../../src/simulator/start-github-simulator.js';
import { openStore } from '../../src/store/open-store.js';
import type { Delivery, Store } from '../../src/store/store.js';
import { TEST_PRIVATE_KEY } from '../helpers/probot.js';
import { TEST_POSTGRES_URL } from '../helpers/stores.js';
import { createTestDatabase, deliver, freePort, startRedis, type SupervisedApp, superviseApp, type TestDatabase, type TestRedis, waitFor, WEBHOOK_SECRET } from './support/harness.js';

/**
 * The production mode end to end, over sockets on loopback: a web process and worker processes (the real code, in
 * child processes, with the app's own handlers: APP_ID set, no stand-ins) against the GitHub simulator, a private
 * Redis and a PostgreSQL schema; deliveries signed and posted as GitHub does. Every scenario checks what the simulator
 * received: a "Community health" check run on the head commit of every pull request delivery that asks for one,
 * and no check run, sticky comment or digest written twice, however the run was disturbed.
 */
const REPOSITORIES = {
  e2e: { installationId: 1, id: 101, fullName: 'org-a/e2e', seed: 11 },
  kill: { installationId: 2, id: 201, fullName: 'org-b/kill', seed: 12 },
  restart: { installationId: 1, id: 102, fullName: 'org-a/restart', seed: 13 },
  faults: { installationId: 2, id: 202, fullName: 'org-b/faults', seed: 14 },
};
const DIGEST_DUE_TODAY = `digest:\n  weekday: ${['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date().getUTCDay()]}\n  hour: 0\n  timezone: UTC\n`;
const dataset = {
  installations: [1, 2].map((id) => ({
    id,
    account: id === 1 ? 'org-a' : 'org-b',
    repositories: Object.values(REPOSITORIES)
      .filter((r) => r.installationId === id)
      // The digest is due from 00:00 UTC today, whatever day the test runs.
      .map((r) => ({ id: r.id, fullName: r.fullName, defaultBranch: 'main', files: { [CONFIG_PATH]: DIGEST_DUE_TODAY } })),
  })),
};

function deliveriesOf(name: keyof typeof REPOSITORIES, pullRequests: number): Delivery[] {
  const r = REPOSITORIES[name];
  return generateDeliveries({ seed: r.seed, pullRequests, installationId: r.installationId, repository: { id: r.id, fullName: r.fullName } });
}

describe('production mode on Redis and PostgreSQL (reliability)', () => {
  let simulator: GitHubSimulator;
  let redis: TestRedis;
  let database: TestDatabase;
  let store: Store;
  let web: SupervisedApp;
  let worker: SupervisedApp;
  let env: Record<string, string>;
  let webhookUrl: string;
  const prefix = `fw-rel-${randomBytes(4).toString('hex')}`;
  const byGuid = new Map<string, Delivery>();

  beforeAll(async () => {
    simulator = await startGitHubSimulator({
      dataset,
      // GitHub's redelivery: the app's recovery asks, the simulator sends the delivery again.
      redeliver: (attempt) => {
        const delivery = byGuid.get(attempt.guid);
        if (delivery) void deliver(webhookUrl, delivery, simulator);
      },
    });
    redis = await startRedis();
    database = createTestDatabase();
    store = await openStore(TEST_POSTGRES_URL, { schema: database.schema, maxConnections: 2 });
    env = {
      APP_ID: '1',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET,
      GITHUB_API_URL: simulator.url,
      GITHUB_WRITE_INTERVAL_MS: '0',
      DATABASE_URL: database.url,
      DATABASE_SCHEMA: database.schema,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: '0',
      METRICS_PORT: '0',
      JOB_LOCK_MS: '4000',
      SLOT_LEASE_MS: '4000',
      RECOVERY_INTERVAL_MS: '3000',
      PENDING_SWEEP_MS: '2000',
      SHUTDOWN_GRACE_MS: '5000',
      PER_INSTALLATION_CONCURRENCY: '4',
    };
    [web, worker] = await Promise.all([superviseApp('web', env, await freePort()), superviseApp('worker', env, await freePort())]);
    webhookUrl = `http://127.0.0.1:${web.port}/api/github/webhooks`;
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled([web?.stop(), worker?.stop()]);
    await store?.close();
    await database?.drop();
    await redis?.stop();
    await simulator?.close();
  }, 60_000);

  /** Posts deliveries with a few in flight at once; resolves to the HTTP statuses. */
  async function send(deliveries: Delivery[], parallel = 4, onEach?: (sent: number) => Promise<void> | void): Promise<number[]> {
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < deliveries.length) {
          const delivery = deliveries[next++]!;
          byGuid.set(delivery.id, delivery);
          statuses.push((await deliver(webhookUrl, delivery, simulator)).status);
          await onEach?.(statuses.length);
        }
      }),
    );
    return statuses;
  }

  async function countFinished(deliveries: Delivery[]): Promise<number> {
    let finished = 0;
    for (const delivery of deliveries) {
      const stored = await store.getDelivery(delivery.id);
      if (stored && stored.status !== 'pending') finished += 1;
    }
    return finished;
  }

  /**
   * Every delivery stored and processed; a check run on the head commit of each pull request delivery that asks for
   * one (opened / reopened / synchronize / ready_for_review of an open PR); nothing written twice.
   */
  async function expectExactlyOnce(name: keyof typeof REPOSITORIES, deliveries: Delivery[], timeoutMs: number): Promise<void> {
    await waitFor(async () => (await countFinished(deliveries)) === deliveries.length, timeoutMs, `all ${deliveries.length} deliveries of ${name} finished`);
    const repository = REPOSITORIES[name].fullName;
    const statuses = await Promise.all(deliveries.map(async (d) => (await store.getDelivery(d.id))!.status));
    expect(statuses.filter((status) => status !== 'processed' && status !== 'skipped')).toEqual([]);
    type Pull = { action: string; pull_request: { state: string; head: { sha: string } } };
    const wanted = deliveries
      .filter((d) => d.name === 'pull_request')
      .map((d) => d.payload as Pull)
      .filter((p) => ['opened', 'reopened', 'synchronize', 'ready_for_review'].includes(p.action) && p.pull_request.state === 'open')
      .map((p) => p.pull_request.head.sha);
    expect(wanted.length).toBeGreaterThan(0);
    const runs = simulator.state.checkRuns.filter((run) => run.repository === repository && run.name === CHECK_RUN_NAME);
    expect(new Set(runs.map((run) => run.head_sha))).toEqual(new Set(wanted));
    expect(countDuplicateWrites(simulator.state)).toBe(0);
  }

  it('acknowledges signed deliveries at once and the worker posts check runs, comments and the weekly digest', async () => {
    const deliveries = deliveriesOf('e2e', 3);
    const statuses = await send(deliveries);
    expect(statuses.every((status) => status === 200)).toBe(true);
    await expectExactlyOnce('e2e', deliveries, 30_000);

    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const digests = new Queue(QUEUE_NAMES.digests, { connection, prefix });
    expect(await digests.getJobSchedulersCount()).toBe(1);
    await digests.add('fan-out', { kind: 'fan-out' });
    await digests.add('fan-out', { kind: 'fan-out' });
    // The app's digest posts for the repositories it has records of: e2e's, so far.
    await waitFor(() => simulator.state.issues.some((i) => readDigestMarker(i.body) !== null), 30_000, 'digest posted');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(simulator.state.issues.filter((i) => readDigestMarker(i.body) !== null).map((i) => i.repository)).toEqual([REPOSITORIES.e2e.fullName]);
    expect(countDuplicateWrites(simulator.state)).toBe(0);
    await digests.close();
    await connection.quit();

    const metrics = await (await fetch(`http://127.0.0.1:${worker.port}/metrics`)).text();
    expect(metrics).toMatch(/fallacy_watch_deliveries_total\{event="pull_request",outcome="new"\} \d+/);
    expect(metrics).toMatch(/fallacy_watch_api_points_remaining\{installation="1",resource="core"\} \d+/);
    expect((await fetch(`http://127.0.0.1:${web.port}/readyz`)).status).toBe(200);
  }, 60_000);

  it('processes every delivery exactly once when a worker is killed with SIGKILL mid-stream and restarted', async () => {
    const deliveries = deliveriesOf('kill', 6);
    let killedWithPending = -1;
    const killed = (async () => {
      await waitFor(async () => (await countFinished(deliveries)) >= 8, 30_000, 'some deliveries processed');
      killedWithPending = deliveries.length - (await countFinished(deliveries));
      await worker.kill9AndRestart();
    })();
    const statuses = await send(deliveries, 2);
    await killed;
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(killedWithPending).toBeGreaterThan(0);
    await expectExactlyOnce('kill', deliveries, 45_000);
  }, 90_000);

  it('loses nothing when Redis restarts and PostgreSQL drops its connections mid-stream', async () => {
    const deliveries = deliveriesOf('restart', 6);
    const statuses = await send(deliveries, 2, async (sent) => {
      if (sent === 10) await redis.restart(1_500);
      if (sent === 25) expect(await database.dropConnections()).toBeGreaterThan(0);
    });
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(deliveries.length / 2);
    await expectExactlyOnce('restart', deliveries, 60_000);
    // A process that died on the lost connections was started again (as Kubernetes would); report it.
    if (web.crashes + worker.crashes > 0) console.warn(`restarted after crashes: web ${web.crashes}, worker ${worker.crashes}`);
  }, 120_000);

  it('retries through 500s, secondary rate limits and slow answers, and stays up', async () => {
    const crashesBefore = web.crashes + worker.crashes;
    simulator.injectFaults([
      { method: 'POST', path: /^\/repos\/org-b\/faults\/check-runs$/, kind: 'error', times: 3 },
      // The app reads the repository's config for every pull request it checks (a sticky comment is posted only when there is something to say).
      { method: 'GET', path: /^\/repos\/org-b\/faults\/contents\//, kind: 'secondary-limit', times: 2, retryAfterSeconds: 1 },
      { method: 'GET', path: /^\/repos\/org-b\/faults\/commits\/.+\/check-runs$/, kind: 'slow', times: 3, delayMs: 1_500 },
    ]);
    const deliveries = deliveriesOf('faults', 2);
    const statuses = await send(deliveries);
    expect(statuses.every((status) => status === 200)).toBe(true);
    await expectExactlyOnce('faults', deliveries, 60_000);
    expect(new Set(simulator.firedFaults.map((f) => f.kind))).toEqual(new Set(['error', 'secondary-limit', 'slow']));
    expect((await fetch(`http://127.0.0.1:${web.port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${worker.port}/readyz`)).status).toBe(200);
    expect(web.crashes + worker.crashes).toBe(crashesBefore);
  }, 90_000);

  it('shuts down gracefully on SIGTERM', async () => {
    expect(await worker.stop()).toBe(0);
    expect(await web.stop()).toBe(0);
  }, 30_000);
});
