import { describe, expect, it } from 'vitest';
import type { DeliveryTicket } from '../../src/handlers/on-any-delivery.js';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';
import { createMemorySemaphore } from '../../src/queue/memory-semaphore.js';
import { silentLog } from '../helpers/silent-log.js';

const ticket = (deliveryId: string, installationId: number): DeliveryTicket => ({ deliveryId, event: 'issues', installationId, repository: 'o/r' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the embedded in-process queue', () => {
  it('processes a delivery id once even when it is dispatched twice while queued', async () => {
    const seen: string[] = [];
    const queue = createInProcessQueue({ semaphore: createMemorySemaphore(), log: silentLog, process: async (t) => void seen.push(t.deliveryId) });
    await queue.dispatch(ticket('a', 1));
    await queue.dispatch(ticket('a', 1));
    await queue.dispatch(ticket('b', 1));
    await queue.idle();
    expect(seen.sort()).toEqual(['a', 'b']);
    await queue.close();
  });

  it("bounds one installation's share so another installation's delivery is not stuck behind its burst", async () => {
    const finished: string[] = [];
    let runningOfOne = 0;
    let mostRunningOfOne = 0;
    const queue = createInProcessQueue({
      semaphore: createMemorySemaphore({ perInstallation: 2 }),
      concurrency: 4,
      log: silentLog,
      process: async (t) => {
        if (t.installationId === 1) mostRunningOfOne = Math.max(mostRunningOfOne, ++runningOfOne);
        await sleep(t.installationId === 1 ? 30 : 1);
        if (t.installationId === 1) runningOfOne -= 1;
        finished.push(t.deliveryId);
      },
    });
    for (let i = 0; i < 10; i += 1) await queue.dispatch(ticket(`burst-${i}`, 1));
    await queue.dispatch(ticket('other', 2));
    await queue.idle();
    expect(mostRunningOfOne).toBe(2);
    expect(finished.indexOf('other')).toBeLessThan(2);
    expect(finished).toHaveLength(11);
    await queue.close();
  });

  it('retries a failed delivery after the configured delays', async () => {
    let attempts = 0;
    const queue = createInProcessQueue({
      semaphore: createMemorySemaphore(),
      retryDelays: [5, 5],
      log: silentLog,
      process: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('transient');
      },
    });
    await queue.dispatch(ticket('flaky', 1));
    await queue.idle();
    expect(attempts).toBe(3);
    await queue.close();
  });

  it('refuses deliveries once closed', async () => {
    const queue = createInProcessQueue({ semaphore: createMemorySemaphore(), log: silentLog, process: async () => {} });
    await queue.close();
    await expect(queue.dispatch(ticket('late', 1))).rejects.toThrow(/closed/);
  });
});
