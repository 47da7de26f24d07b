import type { AreaContextCache } from './area-context-cache.js';

/**
 * How the processes holding an area cache hear of each other's drops (queue mode: Redis pub/sub,
 * `src/queue/redis-area-change-feed.ts`). A feed loses nothing silently: whenever it (re)subscribes, after missing
 * what was published while it was away, it tells its listeners to `clear`.
 */
export interface AreaChangeFeed {
  /** Tells every subscribed process (this one included) that a repository's area sources changed. */
  publish(installationId: number, repoId: number): Promise<void>;
  /** Registers this process's cache: `drop` on each change published anywhere, `clear` on each (re)subscription. */
  subscribe(listener: Pick<AreaContextCache, 'drop' | 'clear'>): void;
}

/**
 * The cache of one process among several: it forgets what any process's push drops. `drop` forgets here at once and
 * publishes on the feed (so the other processes forget too; this one hears its own message and drops again, which
 * is harmless); the feed's messages and reconnections drop and clear this cache.
 */
export function shareAreaContextCache(cache: AreaContextCache, feed: AreaChangeFeed): AreaContextCache {
  feed.subscribe(cache);
  return {
    load: (octokit, target) => cache.load(octokit, target),
    has: (installationId, repoId) => cache.has(installationId, repoId),
    clear: () => cache.clear(),
    drop: async (installationId, repoId) => {
      await cache.drop(installationId, repoId);
      await feed.publish(installationId, repoId);
    },
  };
}
