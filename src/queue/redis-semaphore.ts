import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DEFAULT_SEMAPHORE_LIMITS, type InstallationSemaphore, type SemaphoreLimits } from './installation-semaphore.js';

// A sorted set per key: members are lease tokens, scores their expiry (Redis server time, so replicas' clocks do not matter).
const ACQUIRE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return 1
end
return 0`;

const RENEW = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
if not score or tonumber(score) < now then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/** A Lua script sent by its SHA (EVALSHA), its text only when Redis does not hold it yet (after a restart or flush). */
function createScript(redis: Redis, lua: string): (key: string, ...args: Array<string | number>) => Promise<unknown> {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (key, ...args) => {
    try {
      return await redis.evalsha(sha, 1, key, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(lua, 1, key, ...args);
    }
  };
}

/** The semaphore of the scaled-out mode: leases in Redis, shared by every worker process. */
export function createRedisSemaphore(redis: Redis, prefix: string, limits: Partial<SemaphoreLimits> = {}): InstallationSemaphore {
  const { perInstallation, leaseMs } = { ...DEFAULT_SEMAPHORE_LIMITS, ...limits };
  const keyOf = (key: string) => `${prefix}:installation-slots:${key}`;
  const acquire = createScript(redis, ACQUIRE);
  const renew = createScript(redis, RENEW);
  return {
    async tryAcquire(key) {
      const token = randomUUID();
      const taken = await acquire(keyOf(key), leaseMs, perInstallation, token);
      return taken === 1 ? token : null;
    },
    async renew(key, token) {
      return (await renew(keyOf(key), leaseMs, token)) === 1;
    },
    async release(key, token) {
      await redis.zrem(keyOf(key), token);
    },
  };
}
