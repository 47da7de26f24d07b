import type { GitHubPort } from '../github/client.js';

/** Of GitHub, what reading the area sources at a commit takes (its tree and the blobs of the files that define areas). */
export type AreaSourcesReader = GitHubPort<{ git: 'getTree' | 'getBlob' }>;
import { locateCodeownersFile } from './codeowners/locate-codeowners-file.js';
import { createLruCache, type LruCache } from './create-lru-cache.js';
import { OWNERS_ALIASES_FILENAME, OWNERS_FILENAME } from './owners/load-repo-owners.js';
import { AREA_CONFIG_FILE } from './touches-area-sources.js';

/** What the area model is built from, read at one commit. */
export interface AreaSources {
  sha: string;
  /** Every file (blob) path in the commit's tree. */
  paths: string[];
  /** GitHub cut the recursive tree short (over its 100,000-entry / 7 MB limit): `paths` is incomplete. */
  truncated: boolean;
  /** Contents of the CODEOWNERS GitHub uses, every OWNERS file and the root OWNERS_ALIASES, by path. */
  files: Map<string, string>;
  /** `.github/fallacy-watch.yml`, `null` when absent. */
  config: string | null;
}

/** Per-commit results and per-blob contents, bounded; share one across deliveries. */
export interface AreaSourcesCache {
  commits: LruCache<string, Promise<AreaSources>>;
  blobs: LruCache<string, string>;
}

/** A cache for {@link fetchAreaSources}: `maxCommits` commits (default 200) and `maxBlobs` file contents (10,000). */
export function createAreaSourcesCache(maxCommits = 200, maxBlobs = 10_000): AreaSourcesCache {
  return { commits: createLruCache(maxCommits), blobs: createLruCache(maxBlobs) };
}

const FETCH_CONCURRENCY = 8;
/** Git's file mode of a symbolic link. */
const SYMLINK_MODE = '120000';

/**
 * Reads the area sources of `owner/repo` at `sha`: the recursive tree (`git.getTree`), then the contents of the
 * files that define areas (by blob sha, `git.getBlob`). Results are cached per (repository, commit), so a second
 * read of the same commit makes no request, and contents per blob sha, so a new commit that did not change an
 * OWNERS file does not refetch it. Concurrent reads of one commit share one fetch; a failed fetch is not cached.
 */
export function fetchAreaSources(
  octokit: AreaSourcesReader,
  params: { owner: string; repo: string; sha: string },
  cache: AreaSourcesCache = createAreaSourcesCache(),
): Promise<AreaSources> {
  const key = `${params.owner}/${params.repo}@${params.sha}`.toLowerCase();
  const cached = cache.commits.get(key);
  if (cached) return cached;
  const pending = readAreaSources(octokit, params, cache);
  cache.commits.set(key, pending);
  pending.catch(() => cache.commits.delete(key));
  return pending;
}

async function readAreaSources(
  octokit: AreaSourcesReader,
  { owner, repo, sha }: { owner: string; repo: string; sha: string },
  cache: AreaSourcesCache,
): Promise<AreaSources> {
  const { data: tree } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' });
  const blobs = tree.tree.filter((entry) => entry.type === 'blob' && entry.path !== undefined && entry.sha !== undefined);
  const paths = blobs.map((entry) => entry.path as string);
  const codeowners = locateCodeownersFile(paths);
  const wanted = blobs.filter((entry) => {
    const path = entry.path as string;
    const name = path.slice(path.lastIndexOf('/') + 1);
    // prow's walk skips an OWNERS file that is a symbolic link (mode 120000); its target is not read as OWNERS.
    const ownersFile = name === OWNERS_FILENAME && entry.mode !== SYMLINK_MODE;
    return path === codeowners || path === AREA_CONFIG_FILE || path === OWNERS_ALIASES_FILENAME || ownersFile;
  });

  const contents = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const entry = wanted[next] as (typeof wanted)[number];
      next += 1;
      const blobSha = entry.sha as string;
      let text = cache.blobs.get(blobSha);
      if (text === undefined) {
        const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: blobSha });
        text = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
        cache.blobs.set(blobSha, text);
      }
      contents.set(entry.path as string, text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, wanted.length) }, worker));

  const config = contents.get(AREA_CONFIG_FILE) ?? null;
  contents.delete(AREA_CONFIG_FILE);
  const files = new Map([...contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { sha, paths, truncated: tree.truncated, files, config };
}
