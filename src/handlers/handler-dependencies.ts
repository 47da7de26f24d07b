import type { Logger } from 'pino';
import type { Context } from 'probot';
import type { GitHubClient } from '../github/client.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import type { Store } from '../store/store.js';
import type { AreaContextCache } from '../areas/area-context-cache.js';
import type { KeyLock } from './create-key-lock.js';
import { readDeliveryEnvelope } from '../core/read-delivery-envelope.js';

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
  const { installationId, repository } = readDeliveryEnvelope(payload);
  if (installationId === undefined || !repository?.id || !repository.fullName) return null;
  const [owner, repo] = repository.fullName.split('/') as [string, string];
  return {
    installationId,
    repoId: repository.id,
    owner: repository.owner ?? owner,
    repo: repository.name ?? repo,
    fullName: repository.fullName,
    defaultBranch: repository.defaultBranch ?? 'main',
  };
}
