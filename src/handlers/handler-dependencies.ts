import type { Logger } from 'pino';
import type { Context } from 'probot';
import type { GitHubClient } from '../github/client.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import type { Store } from '../store/store.js';
import type { AreaContextCache } from '../areas/area-context-cache.js';
import type { KeyLock } from './create-key-lock.js';

export type { RepositoryTarget } from '../core/repository-target.js';

/** What the publishing handlers share for the app's lifetime. */
export interface HandlerDependencies {
  store: Store;
  now: () => Date;
  areas: AreaContextCache;
  lock: KeyLock;
  /** This app's id, to tell its own check runs, comments and digests from look-alikes; unknown in some tests. */
  appId?: number;
}

/** The parts of Probot's context the handlers read (a Probot `Context` has them all). */
export interface HandlerContext {
  id: string;
  name: string;
  payload: unknown;
  octokit: GitHubClient;
  log: Logger;
  config: Context['config'];
}

/** The repository and installation a delivery is about, or `null` when it names none. */
export function readRepositoryTarget(payload: unknown): RepositoryTarget | null {
  const data = payload as {
    installation?: { id?: number };
    repository?: { id?: number; name?: string; full_name?: string; owner?: { login?: string }; default_branch?: string };
  };
  const repository = data.repository;
  const installationId = data.installation?.id;
  if (installationId === undefined || !repository?.id || !repository.full_name) return null;
  const [owner, repo] = repository.full_name.split('/') as [string, string];
  return {
    installationId,
    repoId: repository.id,
    owner: repository.owner?.login ?? owner,
    repo: repository.name ?? repo,
    fullName: repository.full_name,
    defaultBranch: repository.default_branch ?? 'main',
  };
}
