import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createQueues } from '../../src/queue/create-queues.js';
import { enqueueInstallationBackfills } from '../../src/queue/enqueue-installation-backfills.js';
import { closeRedisConnection, createRedisConnection } from '../../src/queue/redis-connection.js';
import { silentLog } from '../helpers/silent-log.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('backfills queued on install (Redis on loopback)', () => {
  const connection = createRedisConnection(REDIS_URL, silentLog);
  const queues = createQueues(connection, `fw-test-${randomBytes(4).toString('hex')}`);
  afterAll(async () => {
    await queues.backfills.obliterate({ force: true });
    await queues.close();
    await closeRedisConnection(connection);
  });

  it('queues one job per added repository, once per delivery however often it arrives', async () => {
    const delivery = {
      id: 'delivery-1',
      name: 'installation_repositories',
      payload: { action: 'added', installation: { id: 9 }, repositories_added: [{ full_name: 'octo/a' }, { full_name: 'octo/b' }] },
    };
    expect(await enqueueInstallationBackfills(queues.backfills, delivery)).toBe(2);
    await enqueueInstallationBackfills(queues.backfills, delivery);
    const jobs = await queues.backfills.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((job) => job.data).sort((a, b) => a.repository.localeCompare(b.repository))).toEqual([
      { installationId: 9, repository: 'octo/a' },
      { installationId: 9, repository: 'octo/b' },
    ]);
  });

  it('queues nothing for other deliveries', async () => {
    expect(await enqueueInstallationBackfills(queues.backfills, { id: 'd-2', name: 'installation', payload: { action: 'deleted', installation: { id: 9 } } })).toBe(0);
    expect(await enqueueInstallationBackfills(queues.backfills, { id: 'd-3', name: 'pull_request', payload: { action: 'opened' } })).toBe(0);
  });
});
