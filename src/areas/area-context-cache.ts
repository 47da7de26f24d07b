import { type AreaSources, type AreaSourcesCache, createAreaSourcesCache, fetchAreaSources } from './fetch-area-sources.js';
import { createLruCache, type LruCache } from './create-lru-cache.js';
import type { GitHubPort } from '../github/client.js';

/** Of GitHub, what reading the default branch's area sources takes: its head, then the sources at that commit. */
export type DefaultBranchAreaSourcesReader = GitHubPort<{ git: 'getRef' | 'getTree' | 'getBlob' }>;

/**
 * The area sources of each repository's default branch head, kept until a push changes them. In queue mode every
 * worker process holds one; a push handled by one worker reaches the others through {@link shareAreaContextCache}.
 */
export interface AreaContextCache {
  /** Area sources at the default branch head: read once, then served from memory until {@link drop}. */
  load(
    octokit: DefaultBranchAreaSourcesReader,
    target: { installationId: number; repoId: number; owner: string; repo: string; defaultBranch: string },
  ): Promise<AreaSources>;
  /**
   * Forgets a repository's sources, so the next report reads them again (a push touched CODEOWNERS / OWNERS); a
   * shared cache also tells every other process, and rejects when it cannot (the push is then retried).
   */
  drop(installationId: number, repoId: number): Promise<void>;
  /** Forgets every repository's sources (a process that may have missed drops: its change feed reconnected). */
  clear(): void;
  /** Whether sources of the repository are held. */
  has(installationId: number, repoId: number): boolean;
}

/**
 * Creates the cache: at most `maxRepositories` repositories (least recently used forgotten first). A miss resolves
 * the default branch head (`git.getRef`) and reads the sources at that commit through `fetchAreaSources`, whose
 * per-blob cache means a re-read after a push fetches only the files that changed. A failed read is not kept.
 */
export function createAreaContextCache(maxRepositories = 500, sources: AreaSourcesCache = createAreaSourcesCache()): AreaContextCache {
  const entries: LruCache<string, Promise<AreaSources>> = createLruCache(maxRepositories);
  const keyOf = (installationId: number, repoId: number) => `${installationId}/${repoId}`;
  return {
    load(octokit, target) {
      const key = keyOf(target.installationId, target.repoId);
      const cached = entries.get(key);
      if (cached) return cached;
      const pending = (async () => {
        const { data } = await octokit.rest.git.getRef({ owner: target.owner, repo: target.repo, ref: `heads/${target.defaultBranch}` });
        return fetchAreaSources(octokit, { owner: target.owner, repo: target.repo, sha: data.object.sha }, sources);
      })();
      entries.set(key, pending);
      pending.catch(() => {
        if (entries.get(key) === pending) entries.delete(key);
      });
      return pending;
    },
    drop(installationId, repoId) {
      entries.delete(keyOf(installationId, repoId));
      return Promise.resolve();
    },
    clear() {
      entries.clear();
    },
    has(installationId, repoId) {
      return entries.get(keyOf(installationId, repoId)) !== undefined;
    },
  };
}
