import type { ReleaseRecord } from '../core/records.js';
import type { GitHubPort } from '../github/client.js';

/** Of GitHub, what reading a repository's supply-chain signals takes: folder listings and releases. */
export type RepositorySignalsReader = GitHubPort<{ repos: 'getContent' | 'listReleases' }>;
import type { RepositorySignalsInput } from './analyze-repository-signals.js';
import { listDirectory } from './fetch-workflows.js';
import type { RepositoryRef } from './fetch-workflows.js';

/** The folders where a security policy or a dependency-update config can live. */
const SIGNAL_DIRECTORIES = ['', '.github', 'docs', '.gitlab'];

/**
 * What `analyzeRepositorySignals` needs, read from GitHub: the entries of the root, `.github/`, `docs/` and
 * `.gitlab/` at a ref (missing folders are skipped), and the latest `releaseCount` releases (default 5) as
 * {@link ReleaseRecord}s with their asset names.
 */
export async function fetchRepositorySignals(
  octokit: RepositorySignalsReader,
  target: RepositoryRef & { repoId: number; releaseCount?: number },
): Promise<RepositorySignalsInput> {
  const { repoId, releaseCount = 5, ...ref } = target;
  const paths: string[] = [];
  for (const directory of SIGNAL_DIRECTORIES) {
    const entries = await listDirectory(octokit, ref, directory);
    paths.push(...entries.map((entry) => entry.path));
  }
  const { data } = await octokit.rest.repos.listReleases({ owner: ref.owner, repo: ref.repo, per_page: releaseCount });
  const releases = data.map(
    (release): ReleaseRecord => ({
      repoId,
      id: release.id,
      tagName: release.tag_name,
      name: release.name ?? null,
      draft: release.draft,
      prerelease: release.prerelease,
      createdAt: release.created_at,
      publishedAt: release.published_at ?? null,
      assetNames: release.assets.map((asset) => asset.name),
    }),
  );
  return { paths: paths.sort(), releases, latestReleases: releaseCount };
}
