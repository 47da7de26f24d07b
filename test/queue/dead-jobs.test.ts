import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueues, type Queues } from '../../src/queue/create-queues.js';
import { countDeadJobs, listDeadJobs } from '../../src/queue/dead-jobs.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRedisSemaphore } from '../../src/queue/redis-semaphore.js';
import { type QueueWorkers, startQueueWorkers } from '../../src/queue/start-queue-workers.js';
import { createAppMetrics } from '../../src/ops/create-app-metrics.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';
import { silentLog } from '../helpers/silent-log.js';
import { waitFor } from '../helpers/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Two quick attempts instead of the production eight with exponential backoff. */
const FEW_ATTEMPTS = { attempts: 2, backoff: { type: 'fixed', delay: 20 } } as const;


describe('dead backfill and digest jobs (BullMQ on Redis)', () => {
  let connection: Redis;
  let queues: Queues;
  let store: Store;
  let prefix: string;
  let workers: QueueWorkers | undefined;

  beforeEach(async () => {
    prefix = `fw-test-${randomBytes(4).toString('hex')}`;
    connection = createRedisConnection(REDIS_URL);
    queues = createQueues(connection, prefix);
    store = await openStore('sqlite::memory:');
  });

  afterEach(async () => {
    await workers?.close(1_000);
    workers = undefined;
    for (const queue of [queues.deliveries, queues.backfills, queues.digests]) await queue.obliterate({ force: true });
    await queues.close();
    await connection.quit();
    await store.close();
  });

  it('keeps jobs that used every attempt with their reason, counts them in /metrics, and lists and retries them from the CLI', async () => {
    let githubAnswers = 'Not Found';
    const ran: string[] = [];
    workers = startQueueWorkers({
      connection,
      queues,
      prefix,
      semaphore: createRedisSemaphore(connection, prefix, { perInstallation: 2, leaseMs: 5_000 }),
      leaseMs: 5_000,
      services: {
        store,
        log: silentLog,
        runBackfill: async (job) => {
          ran.push(`backfill ${job.repository}`);
          if (githubAnswers !== 'ok') throw new Error(`GraphQL: ${githubAnswers} (${job.repository})`);
        },
        runDigest: async (job) => {
          ran.push(`digest ${job.repository}`);
          throw new Error('Resource not accessible by integration');
        },
        listInstalledRepositories: async () => [],
      },
    });
    await queues.backfills.add('backfill', { installationId: 7, repository: 'acme/widgets' }, { jobId: 'backfill:d-1:acme/widgets', ...FEW_ATTEMPTS });
    await queues.digests.add(
      'digest',
      { kind: 'repository', installationId: 7, repoId: 70, repository: 'acme/widgets', week: '2026-W48', weekOf: '2026-11-23' },
      { jobId: 'digest-7-70-2026-W48', ...FEW_ATTEMPTS },
    );
    await waitFor(async () => (await queues.backfills.getFailedCount()) + (await queues.digests.getFailedCount()) === 2);
    expect(ran.sort()).toEqual(['backfill acme/widgets', 'backfill acme/widgets', 'digest acme/widgets', 'digest acme/widgets']);

    expect(await countDeadJobs(queues)).toEqual({ backfills: 1, digests: 1 });
    const metrics = createAppMetrics({ defaults: false });
    metrics.trackDeadJobs(() => countDeadJobs(queues));
    const scraped = await metrics.registry.metrics();
    expect(scraped).toContain('fallacy_watch_dead_jobs{queue="backfills"} 1');
    expect(scraped).toContain('fallacy_watch_dead_jobs{queue="digests"} 1');

    expect(await listDeadJobs(queues, 10)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ queue: 'backfills', id: 'backfill:d-1:acme/widgets', name: 'backfill', subject: 'installation 7 acme/widgets', attempts: 2, reason: 'GraphQL: Not Found (acme/widgets)' }),
        expect.objectContaining({ queue: 'digests', id: 'digest-7-70-2026-W48', name: 'digest', subject: 'installation 7 acme/widgets 2026-W48', attempts: 2, reason: 'Resource not accessible by integration' }),
      ]),
    );
    const cli = ['--redis', REDIS_URL, '--prefix', prefix];
    const listed = JSON.parse(await runCli(['jobs', 'dead', ...cli, '--json'])) as Array<{ id: string; failedAt: string }>;
    expect(listed.map((job) => job.id).sort()).toEqual(['backfill:d-1:acme/widgets', 'digest-7-70-2026-W48']);
    expect(listed.every((job) => !Number.isNaN(Date.parse(job.failedAt)))).toBe(true);
    expect(await runCli(['jobs', 'dead', ...cli])).toMatch(/^backfill:d-1:acme\/widgets\tbackfills\tinstallation 7 acme\/widgets\tattempts 2\t\S+\tGraphQL: Not Found/m);

    // GitHub answers again: the retried backfill runs once more, succeeds, and is no longer dead.
    githubAnswers = 'ok';
    expect(await runCli(['jobs', 'retry', 'backfill:d-1:acme/widgets', ...cli])).toBe('backfill:d-1:acme/widgets: queued again on backfills\n');
    await waitFor(async () => (await queues.backfills.getCompletedCount()) === 1);
    expect(ran.filter((r) => r.startsWith('backfill'))).toHaveLength(3);
    expect(await countDeadJobs(queues)).toEqual({ backfills: 0, digests: 1 });
    await expect(runCli(['jobs', 'retry', 'backfill:d-1:acme/widgets', ...cli])).resolves.toBe('');
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
  });

  it('says in one line what is missing or unreachable', async () => {
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      await expect(runCli(['jobs', 'dead'])).rejects.toThrow(/pass --redis or set REDIS_URL/);
      await expect(runCli(['jobs', 'dead', '--redis', 'redis://127.0.0.1:1'])).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
      await expect(runCli(['jobs', 'dead', '--redis', REDIS_URL, '--prefix', prefix])).resolves.toBe('no dead jobs\n');
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved;
    }
  });
});
