import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppMetrics } from '../../src/ops/create-app-metrics.js';
import { createBullDispatcher } from '../../src/queue/create-bull-dispatcher.js';
import { createQueues, type Queues } from '../../src/queue/create-queues.js';
import type { DigestJobData } from '../../src/queue/job-data.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRedisSemaphore } from '../../src/queue/redis-semaphore.js';
import { requeuePendingDeliveries } from '../../src/queue/requeue-pending-deliveries.js';
import { type QueueWorkers, scheduleWeeklyDigest, startQueueWorkers, type WorkerServices } from '../../src/queue/start-queue-workers.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import { describeDelivery } from '../../src/handlers/on-any-delivery.js';
import { reactsToDelivery } from '../../src/handlers/publish-from-delivery.js';
import type { Delivery, Store } from '../../src/store/store.js';
import { silentLog } from '../helpers/silent-log.js';
import { waitFor } from '../helpers/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = '2026-11-23T09:00:00.000Z';


describe('BullMQ queues and workers (Redis on loopback)', () => {
  let connection: Redis;
  let queues: Queues;
  let store: Store;
  let prefix: string;
  const started: QueueWorkers[] = [];

  const start = (services: Partial<WorkerServices>, perInstallation = 2, concurrency = 8) => {
    const workers = startQueueWorkers({
      connection,
      queues,
      prefix,
      semaphore: createRedisSemaphore(connection, prefix, { perInstallation, leaseMs: 5_000 }),
      leaseMs: 5_000,
      concurrency: { deliveries: concurrency },
      services: { store, log: silentLog, ...services },
    });
    started.push(workers);
    return workers;
  };

  beforeEach(async () => {
    prefix = `fw-test-${randomBytes(4).toString('hex')}`;
    connection = createRedisConnection(REDIS_URL);
    queues = createQueues(connection, prefix);
    store = await openStore('sqlite::memory:');
  });

  afterEach(async () => {
    for (const workers of started.splice(0)) await workers.close(1_000);
    await queues.deliveries.obliterate({ force: true });
    await queues.digests.obliterate({ force: true });
    await queues.backfills.obliterate({ force: true });
    await queues.close();
    await connection.quit();
    await store.close();
  });

  it('queues a delivery id once however often it is dispatched', async () => {
    const dispatch = createBullDispatcher(queues.deliveries);
    const ticket = { deliveryId: 'same-id', event: 'issues', installationId: 1, repository: 'o/r' };
    await dispatch(ticket);
    await dispatch(ticket);
    expect(await queues.deliveries.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
  });

  it('processes every delivery exactly once, reactions included, and ignores a redelivery once finished', async () => {
    const deliveries = generateDeliveries({ pullRequests: 6 });
    const dispatch = createBullDispatcher(queues.deliveries);
    const reacted = new Map<string, number>();
    start({ reactions: async (delivery) => void reacted.set(delivery.id, (reacted.get(delivery.id) ?? 0) + 1) });
    for (const delivery of deliveries) {
      await store.recordDelivery(delivery, NOW);
      await dispatch(describeDelivery(delivery));
      await dispatch(describeDelivery(delivery));
    }
    await waitFor(async () => (await store.listPendingDeliveries(1)).length === 0);
    await dispatch(describeDelivery(deliveries[0]!));
    await waitFor(async () => (await queues.deliveries.getJobCounts('completed')).completed === deliveries.length);
    const newOnes = [];
    for (const delivery of deliveries) if ((await store.getDelivery(delivery.id))?.status === 'processed') newOnes.push(delivery.id);
    expect(newOnes.length).toBeGreaterThan(0);
    expect([...reacted.keys()].sort()).toEqual(newOnes.sort());
    expect(Math.max(...reacted.values())).toBe(1);
  });

  it("bounds each installation's running jobs so a burst of one does not starve another", async () => {
    const burst = generateDeliveries({ pullRequests: 8, installationId: 1 }).filter((d) => d.name === 'pull_request').slice(0, 8);
    const other = generateDeliveries({ seed: 7, pullRequests: 1, installationId: 2, repository: { id: 200_001, fullName: 'other/repo' } }).find((d) => d.name === 'pull_request')!;
    const finished: number[] = [];
    let running = 0;
    let mostRunning = 0;
    start(
      {
        reactions: async (delivery) => {
          const installation = (delivery.payload as { installation: { id: number } }).installation.id;
          if (installation === 1) mostRunning = Math.max(mostRunning, ++running);
          await new Promise((resolve) => setTimeout(resolve, installation === 1 ? 150 : 1));
          if (installation === 1) running -= 1;
          finished.push(installation);
        },
      },
      2,
      4,
    );
    const dispatch = createBullDispatcher(queues.deliveries);
    for (const delivery of [...burst, other]) {
      await store.recordDelivery(delivery, NOW);
      await dispatch(describeDelivery(delivery));
    }
    await waitFor(() => finished.length === burst.length + 1);
    expect(mostRunning).toBeLessThanOrEqual(2);
    expect(finished.indexOf(2)).toBeLessThan(finished.filter((i) => i === 1).length);
  });

  it('stores deliveries without reactions without taking a slot or running the reactions', async () => {
    const deliveries = generateDeliveries({ pullRequests: 3 });
    const reacted: string[] = [];
    // No slot can ever be had: only the deliveries that need none get through.
    const metrics = createAppMetrics({ defaults: false });
    start({ reactions: async (delivery) => void reacted.push(delivery.name), reactsTo: (event) => event === 'pull_request', metrics }, 0);
    const dispatch = createBullDispatcher(queues.deliveries);
    for (const delivery of deliveries) {
      await store.recordDelivery(delivery, NOW);
      await dispatch(describeDelivery(delivery));
    }
    const quiet = deliveries.filter((d) => d.name !== 'pull_request');
    expect(quiet.length).toBeGreaterThan(0);
    await waitFor(async () => {
      for (const delivery of quiet) if ((await store.getDelivery(delivery.id))?.status === 'pending') return false;
      return true;
    });
    for (const delivery of deliveries) {
      expect((await store.getDelivery(delivery.id))?.status).toBe(delivery.name === 'pull_request' ? 'pending' : 'processed');
    }
    expect(reacted).toEqual([]);
    // The pull requests found no slot and went back to wait, counted in /metrics.
    expect(await metrics.registry.metrics()).toMatch(/^fallacy_watch_slot_waits_total\{queue="[^"]+"\} [1-9]/m);
  });

  it("stores a new comment that asks for no refresh without a slot (the app's reactsTo reads the ticket), and holds one that asks", async () => {
    const comments = generateDeliveries({ pullRequests: 6 }).filter((d) => d.name === 'issue_comment' && (d.payload as { action?: string }).action === 'created');
    const [chat, command] = comments as [Delivery, Delivery];
    expect(command).toBeDefined();
    const asking = { ...command, id: `${command.id}-refresh`, payload: { ...(command.payload as object), comment: { ...(command.payload as { comment: object }).comment, body: '/fallacy-watch refresh', author_association: 'MEMBER' } } };
    const reacted: string[] = [];
    start({ reactions: async (delivery) => void reacted.push(delivery.id), reactsTo: reactsToDelivery }, 0);
    const dispatch = createBullDispatcher(queues.deliveries);
    for (const delivery of [chat, asking]) {
      await store.recordDelivery(delivery, NOW);
      await dispatch(describeDelivery(delivery));
    }
    await waitFor(async () => (await store.getDelivery(chat.id))?.status === 'processed');
    expect((await store.getDelivery(asking.id))?.status).toBe('pending');
    expect(reacted).toEqual([]);
  });

  it('queues again a pending delivery no job carries (recorded while Redis was away)', async () => {
    const [delivery] = generateDeliveries({ pullRequests: 1 });
    await store.recordDelivery(delivery!, NOW);
    expect(await requeuePendingDeliveries(store, queues.deliveries, silentLog)).toBe(1);
    expect(await requeuePendingDeliveries(store, queues.deliveries, silentLog)).toBe(0);
    expect(await queues.deliveries.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
  });

  it('queues again a pending delivery whose job finished (its finish was lost) or failed every attempt, and leaves a waiting one alone', async () => {
    const [done, failed, waiting] = generateDeliveries({ pullRequests: 1 }) as [Delivery, Delivery, Delivery];
    for (const delivery of [done, failed, waiting]) await store.recordDelivery(delivery, NOW);
    await queues.deliveries.add('delivery', describeDelivery(done), { jobId: done.id });
    await queues.deliveries.add('delivery', describeDelivery(failed), { jobId: failed.id, attempts: 1 });
    // A worker that takes jobs only when told, to finish one and fail the other by hand.
    const hand = new Worker(queues.deliveries.name, null, { connection, prefix, autorun: false });
    try {
      for (const outcome of ['completed', 'failed'] as const) {
        const job = (await hand.getNextJob('token'))!;
        if (outcome === 'completed') await job.moveToCompleted('done', 'token', false);
        else await job.moveToFailed(new Error('every attempt failed'), 'token', false);
      }
    } finally {
      await hand.close();
    }
    await queues.deliveries.add('delivery', describeDelivery(waiting), { jobId: waiting.id });
    expect(await queues.deliveries.getJobState(done.id)).toBe('completed');
    expect(await queues.deliveries.getJobState(failed.id)).toBe('failed');
    expect(await requeuePendingDeliveries(store, queues.deliveries, silentLog)).toBe(2);
    for (const delivery of [done, failed, waiting]) expect(await queues.deliveries.getJobState(delivery.id)).toBe('waiting');
    expect(await requeuePendingDeliveries(store, queues.deliveries, silentLog)).toBe(0);
  });

  it('keeps one weekly schedule however many replicas upsert it, and posts one digest per repository per week', async () => {
    await scheduleWeeklyDigest(queues);
    await scheduleWeeklyDigest(queues);
    expect(await queues.digests.getJobSchedulersCount()).toBe(1);

    const published: DigestJobData[] = [];
    const services: Partial<WorkerServices> = {
      now: () => new Date(NOW),
      listInstalledRepositories: async () => [
        { installationId: 1, repoId: 10, fullName: 'a/one' },
        { installationId: 2, repoId: 20, fullName: 'b/two' },
      ],
      runDigest: async (job) => void published.push(job),
    };
    start(services);
    start(services);
    await queues.digests.add('fan-out', { kind: 'fan-out' });
    await queues.digests.add('fan-out', { kind: 'fan-out' });
    await waitFor(async () => ((await queues.digests.getJobCounts('completed')).completed ?? 0) >= 4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published.map((job) => `${job.repository} ${job.week}`).sort()).toEqual(['a/one 2026-W48', 'b/two 2026-W48']);
  });

  it('finishes the jobs running when it is closed before it stops', async () => {
    const [delivery] = generateDeliveries({ pullRequests: 1 }).filter((d) => d.name === 'pull_request');
    let reactionDone = false;
    const workers = start({
      reactions: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        reactionDone = true;
      },
    });
    await store.recordDelivery(delivery!, NOW);
    await createBullDispatcher(queues.deliveries)(describeDelivery(delivery!));
    await waitFor(async () => (await queues.deliveries.getJobCounts('active')).active === 1);
    await workers.close(5_000);
    expect(reactionDone).toBe(true);
    expect(await store.getDelivery(delivery!.id)).toMatchObject({ status: 'processed' });
  });
});
