import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseOrgConfigYaml } from '../../src/config/parse-org-config-yaml.js';
import type { GitHubClient } from '../../src/github/client.js';
import { createWorkerHandlers } from '../../src/handlers/create-worker-handlers.js';
import { createQueues, type Queues } from '../../src/queue/create-queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRedisSemaphore } from '../../src/queue/redis-semaphore.js';
import { type QueueWorkers, startQueueWorkers } from '../../src/queue/start-queue-workers.js';
import { readDigestMarker } from '../../src/render/index.js';
import type { Store } from '../../src/store/store.js';
import { API, APP_ID, INSTALLATION_ID, MENTION, mockInstallationToken, mockOrgDigestRun, openStoreWithHistory, type PostedIssue, REPOSITORY } from '../handlers/github-fixtures.js';
import { createTestProbot } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { waitFor } from '../helpers/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Monday 10:00 UTC: the organisation digest (Mondays 9:00 UTC) is due. */
const NOW = new Date('2026-11-23T10:00:00Z');
const ORG_CONFIG = 'digest:\n  enabled: true\n  repository: community\nrepositoryDigests: false\n';


/**
 * The organisation digest in queue mode, end to end: the hourly fan-out (run twice, by two worker replicas) plans the
 * organisation's job once per week, and the app's own worker handler (`createWorkerHandlers().runOrgDigest`, as
 * `fallacy-watch worker` loads it) reads the organisation's settings, every repository's config, areas and supply
 * chain, and posts exactly one issue. GitHub is mocked at the HTTP boundary: an unexpected or repeated request fails.
 */
describe('the organisation digest as a BullMQ job (Redis on loopback)', () => {
  useStrictNock();
  let connection: Redis;
  let queues: Queues;
  let store: Store;
  let prefix: string;
  const started: QueueWorkers[] = [];

  beforeEach(async () => {
    prefix = `fw-test-${randomBytes(4).toString('hex')}`;
    connection = createRedisConnection(REDIS_URL);
    queues = createQueues(connection, prefix);
    store = await openStoreWithHistory(NOW);
  });

  afterEach(async () => {
    for (const workers of started.splice(0)) await workers.close(1_000);
    await queues.digests.obliterate({ force: true });
    await queues.deliveries.obliterate({ force: true });
    await queues.backfills.obliterate({ force: true });
    await queues.close();
    await connection.quit();
    await store.close();
    vi.unstubAllEnvs();
  });

  it('is planned once per week however many replicas fan out, and posts one issue through the real handlers', async () => {
    vi.stubEnv('APP_ID', String(APP_ID));
    const handlers = await createWorkerHandlers({ store, now: () => NOW, log: silentLog });
    const probot = createTestProbot();
    const octokit = async () => (await probot.auth(INSTALLATION_ID)) as unknown as GitHubClient;
    const repositoryDigests: string[] = [];

    const created: PostedIssue[] = [];
    const scope = nock(API);
    mockInstallationToken(scope);
    mockOrgDigestRun(scope, ORG_CONFIG, created);

    const services = {
      store,
      log: silentLog,
      now: () => NOW,
      listInstalledRepositories: async () => [{ installationId: INSTALLATION_ID, repoId: REPOSITORY.id, fullName: REPOSITORY.full_name }],
      readOrgConfig: async () => parseOrgConfigYaml(ORG_CONFIG).config,
      runDigest: async (job: { repository: string }) => void repositoryDigests.push(job.repository),
      runOrgDigest: async (job: Parameters<NonNullable<typeof handlers.runOrgDigest>>[0]) => handlers.runOrgDigest!(job, await octokit()),
    };
    for (let replica = 0; replica < 2; replica += 1) {
      started.push(
        startQueueWorkers({
          connection,
          queues,
          prefix,
          semaphore: createRedisSemaphore(connection, prefix, { perInstallation: 2, leaseMs: 5_000 }),
          leaseMs: 5_000,
          services,
        }),
      );
    }
    await queues.digests.add('fan-out', { kind: 'fan-out' });
    await queues.digests.add('fan-out', { kind: 'fan-out' });
    // Two fan-outs and one organisation job complete; a second organisation job of the week is never queued.
    await waitFor(async () => ((await queues.digests.getJobCounts('completed')).completed ?? 0) >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const counts = await queues.digests.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
    expect(counts).toMatchObject({ completed: 3, failed: 0, waiting: 0, active: 0, delayed: 0 });

    expect(created).toHaveLength(1);
    expect(created[0]!.title).toBe('Organisation health digest — week of 2026-11-23');
    expect(readDigestMarker(created[0]!.body)).toEqual({ repository: 'acme', weekOf: '2026-11-23' });
    expect(created[0]!.body).toContain('[acme/widgets](https://github.com/acme/widgets)');
    expect(created[0]!.body).toContain('### Supply chain by repository');
    expect(created[0]!.body).not.toMatch(MENTION);
    // The organisation turned repository digests off: none is planned.
    expect(repositoryDigests).toEqual([]);
  });
});
