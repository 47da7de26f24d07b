import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisSemaphore } from '../../src/queue/redis-semaphore.js';

/** Redis for tests (CI runs one at 127.0.0.1:6379). */
const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const prefix = () => `fw-test-${randomBytes(4).toString('hex')}`;

describe('the per-installation Redis semaphore', () => {
  afterAll(async () => {
    await redis.quit();
  });

  it('grants as many slots as the limit per installation, independently for each installation', async () => {
    const semaphore = createRedisSemaphore(redis, prefix(), { perInstallation: 2, leaseMs: 10_000 });
    const first = await semaphore.tryAcquire('1');
    const second = await semaphore.tryAcquire('1');
    expect(first).toEqual(expect.any(String));
    expect(second).toEqual(expect.any(String));
    expect(await semaphore.tryAcquire('1')).toBeNull();
    expect(await semaphore.tryAcquire('2')).toEqual(expect.any(String));
    await semaphore.release('1', first!);
    expect(await semaphore.tryAcquire('1')).toEqual(expect.any(String));
  });

  it('frees the slot of a holder that died once its lease runs out, unless renewed', async () => {
    const semaphore = createRedisSemaphore(redis, prefix(), { perInstallation: 1, leaseMs: 150 });
    const dead = await semaphore.tryAcquire('1');
    expect(await semaphore.tryAcquire('1')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await semaphore.renew('1', dead!)).toBe(false);
    const alive = await semaphore.tryAcquire('1');
    expect(alive).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await semaphore.renew('1', alive!)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await semaphore.tryAcquire('1')).toBeNull();
  });

  it('still grants and renews once Redis has forgotten its scripts (SCRIPT FLUSH, a restart)', async () => {
    const semaphore = createRedisSemaphore(redis, prefix(), { perInstallation: 1, leaseMs: 10_000 });
    const held = await semaphore.tryAcquire('1');
    expect(held).toEqual(expect.any(String));
    await redis.script('FLUSH');
    expect(await semaphore.renew('1', held!)).toBe(true);
    await redis.script('FLUSH');
    expect(await semaphore.tryAcquire('1')).toBeNull();
    await semaphore.release('1', held!);
    expect(await semaphore.tryAcquire('1')).toEqual(expect.any(String));
  });
});
