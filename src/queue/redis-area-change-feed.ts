import type { Redis } from 'ioredis';
import type { AreaContextCache } from '../areas/area-context-cache.js';
import type { AreaChangeFeed } from '../areas/share-area-context-cache.js';
import type { ConnectionLog } from './redis-connection.js';

/** The pub/sub channel of area-source changes, under the queue prefix (one deployment's workers, not another's). */
export function areaChangeChannel(prefix: string): string {
  return `${prefix}:area-sources-changed`;
}

export interface RedisAreaChangeFeed extends AreaChangeFeed {
  /** Resolves once the feed is subscribed for the first time (and its listeners cleared). */
  readonly ready: Promise<void>;
  /** The subscriber connection's name (`CLIENT LIST`), unique to this feed. */
  readonly connectionName: string;
  close(): Promise<void>;
}

/**
 * The area-change feed of the queue mode over Redis pub/sub: `publish` sends `{installationId, repoId}` on
 * {@link areaChangeChannel} through `connection` (the worker's command connection); a subscriber connection of its
 * own hears every worker's messages. Pub/sub keeps nothing for a subscriber that is away, so each time the
 * subscriber (re)connects it subscribes again and only then tells its listeners to `clear`: whatever was published
 * while it was away is covered by forgetting everything (a cache entry is set when its read starts, so a read begun
 * before the clear is forgotten too). ioredis' own resubscription is off, so the clear follows the subscription.
 */
export function createRedisAreaChangeFeed(connection: Redis, prefix: string, log?: ConnectionLog): RedisAreaChangeFeed {
  const channel = areaChangeChannel(prefix);
  const connectionName = `${prefix}:area-changes:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
  const subscriber = connection.duplicate({ autoResubscribe: false, connectionName });
  const listeners: Array<Pick<AreaContextCache, 'drop' | 'clear'>> = [];
  let closing = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(
      () => {
        for (const listener of listeners) listener.clear();
        markReady();
      },
      (error: unknown) => {
        if (closing) return;
        log?.warn({ err: error }, 'area-change subscription failed; reconnecting');
        subscriber.disconnect(true);
      },
    );
  });
  subscriber.on('error', () => {
    // The command connection reports Redis outages (createRedisConnection); reconnection is automatic.
  });
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const change = readChange(message);
    if (!change) {
      log?.warn({ message }, 'unreadable area-change message ignored');
      return;
    }
    for (const listener of listeners) void listener.drop(change.installationId, change.repoId);
  });

  return {
    ready,
    connectionName,
    publish: async (installationId, repoId) => {
      await connection.publish(channel, JSON.stringify({ installationId, repoId }));
    },
    subscribe: (listener) => {
      listeners.push(listener);
    },
    close: async () => {
      closing = true;
      if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
      else subscriber.disconnect();
    },
  };
}

function readChange(message: string): { installationId: number; repoId: number } | undefined {
  try {
    const parsed = JSON.parse(message) as { installationId?: unknown; repoId?: unknown };
    return Number.isInteger(parsed.installationId) && Number.isInteger(parsed.repoId)
      ? { installationId: parsed.installationId as number, repoId: parsed.repoId as number }
      : undefined;
  } catch {
    return undefined;
  }
}
