import { describe, expect, it, vi } from 'vitest';
import { onAnyDelivery } from '../../src/handlers/on-any-delivery.js';
import { processQueuedDelivery } from '../../src/queue/process-queued-delivery.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { silentLog } from '../helpers/silent-log.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const pullRequestOpened = generateDeliveries({ pullRequests: 1 }).find((d) => d.name === 'pull_request')!;
const context = (delivery = pullRequestOpened) => ({ ...delivery, log: silentLog });

describe.each(TEST_BACKENDS)('fast acknowledgement and queued processing ($name)', (backend) => {
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('records a delivery, queues its ticket and leaves it pending for the worker', async () => {
    const dispatch = vi.fn(async () => {});
    const result = await onAnyDelivery(store, context(), () => NOW, dispatch);
    expect(result).toEqual({ outcome: 'queued' });
    expect(dispatch).toHaveBeenCalledWith({ deliveryId: pullRequestOpened.id, event: 'pull_request', action: 'opened', installationId: 1, repository: 'sample-org/sample-repo' });
    expect(await store.getDelivery(pullRequestOpened.id)).toMatchObject({ status: 'pending' });
    expect(await store.listRepositories(1)).toEqual([]);
  });

  it('queues a redelivery of a pending delivery again but not one already finished', async () => {
    const dispatch = vi.fn(async () => {});
    await onAnyDelivery(store, context(), () => NOW, dispatch);
    expect(await onAnyDelivery(store, context(), () => NOW, dispatch)).toEqual({ outcome: 'queued' });
    await processQueuedDelivery(store, pullRequestOpened.id, undefined, silentLog);
    expect(await onAnyDelivery(store, context(), () => NOW, dispatch)).toEqual({ outcome: 'duplicate' });
    expect(dispatch).toHaveBeenCalledTimes(2);
  });

  it('fails the request when the queue is away, keeping the delivery pending for the sweeper', async () => {
    const dispatch = vi.fn(async () => {
      throw new Error('redis away');
    });
    await expect(onAnyDelivery(store, context(), () => NOW, dispatch)).rejects.toThrow('redis away');
    expect(await store.getDelivery(pullRequestOpened.id)).toMatchObject({ status: 'pending' });
  });

  it('ingests a queued delivery, runs its reactions once, then marks it processed', async () => {
    await store.recordDelivery(pullRequestOpened, NOW.toISOString());
    const statusesSeenByReactions: string[] = [];
    const reactions = vi.fn(async () => {
      statusesSeenByReactions.push((await store.getDelivery(pullRequestOpened.id))!.status);
      expect((await store.loadActivity(1, 100_001))?.pullRequests).toHaveLength(1);
    });
    expect(await processQueuedDelivery(store, pullRequestOpened.id, reactions, silentLog)).toEqual({ outcome: 'new' });
    expect(statusesSeenByReactions).toEqual(['pending']);
    expect(await store.getDelivery(pullRequestOpened.id)).toMatchObject({ status: 'processed' });
    expect(await processQueuedDelivery(store, pullRequestOpened.id, reactions, silentLog)).toEqual({ outcome: 'duplicate' });
    expect(reactions).toHaveBeenCalledTimes(1);
  });

  it('leaves the delivery pending when a reaction fails, and finishes it on the retry', async () => {
    await store.recordDelivery(pullRequestOpened, NOW.toISOString());
    const reactions = vi.fn().mockRejectedValueOnce(new Error('GitHub 502')).mockResolvedValueOnce(undefined);
    await expect(processQueuedDelivery(store, pullRequestOpened.id, reactions, silentLog)).rejects.toThrow('GitHub 502');
    expect(await store.getDelivery(pullRequestOpened.id)).toMatchObject({ status: 'pending' });
    expect(await processQueuedDelivery(store, pullRequestOpened.id, reactions, silentLog)).toEqual({ outcome: 'new' });
    expect(await store.getDelivery(pullRequestOpened.id)).toMatchObject({ status: 'processed' });
    expect((await store.loadActivity(1, 100_001))?.pullRequests).toHaveLength(1);
  });

  it('marks a malformed delivery failed without running reactions', async () => {
    await store.recordDelivery({ id: 'broken', name: 'pull_request', payload: { action: 'opened', repository: { id: 'x' } } }, NOW.toISOString());
    const reactions = vi.fn(async () => {});
    expect(await processQueuedDelivery(store, 'broken', reactions, silentLog)).toEqual({ outcome: 'failed' });
    expect(reactions).not.toHaveBeenCalled();
    expect(await store.getDelivery('broken')).toMatchObject({ status: 'failed' });
  });

  it('drops a job whose delivery was never recorded', async () => {
    expect(await processQueuedDelivery(store, 'never-recorded', undefined, silentLog)).toEqual({ outcome: 'missing' });
  });
});
