import { Redis } from 'ioredis';

/** Where connection errors go (a pino logger fits). */
export interface ConnectionLog {
  warn(object: object, message: string): void;
}

/**
 * A Redis connection for BullMQ (`REDIS_URL`). Commands wait while Redis is away and are sent once it is back
 * (BullMQ requires `maxRetriesPerRequest: null`); reconnection backs off up to 2 s; connection errors are logged
 * once per outage, not once per retry.
 */
export function createRedisConnection(url: string, log?: ConnectionLog): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) log?.warn({ err: error }, 'Redis unreachable; retrying');
    reported = true;
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

/** Closes a connection: politely when it is up, at once when Redis is away (a `QUIT` would wait for it). */
export async function closeRedisConnection(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
