import type { Logger } from 'pino';
import type { Context } from 'probot';
import type { GitHubClient } from '../github/client.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import type { Store } from '../store/store.js';
import { type AreaContextCache, createAreaContextCache } from '../areas/area-context-cache.js';
import { type AreaChangeFeed, shareAreaContextCache } from '../areas/share-area-context-cache.js';
import type { PublishDigestDependencies } from '../application/publish-digest.js';
import type { PublishOrgDigestDependencies } from '../application/publish-org-digest.js';
import type { PullRequestCheckStore } from '../application/publish-pull-request-check.js';
import { createKeyLock, type KeyLock } from './create-key-lock.js';
import { readDeliveryEnvelope } from '../core/read-delivery-envelope.js';

export type { RepositoryTarget } from '../core/repository-target.js';

/**
 * What the publishing handlers share for the app's lifetime, wired once ({@link createHandlerDependencies}); each
 * handler takes only its part (`PullRequestCheckHandlerDependencies`, `RefreshHandlerDependencies`, …).
 */
export interface HandlerDependencies {
  store: HandlerStore;
  now: () => Date;
  areas: AreaContextCache;
  lock: KeyLock;
  /** This app's id, to tell its own check runs, comments and digests from look-alikes; unknown in some tests. */
  appId?: number;
}

/** Every store method a handler or the digest scheduler uses, and no other. */
export type HandlerStore = PullRequestCheckStore &
  PublishDigestDependencies['store'] &
  PublishOrgDigestDependencies['store'] &
  Pick<Store, 'findRepositories' | 'findOpenPullRequestsByHead'>;

/**
 * The one place the handlers' dependencies are wired (the Probot app and the queue workers' handlers). `areaChanges`
 * (queue mode: several worker processes) shares the area cache's drops between the processes; without it (one
 * process: `npm start`, the embedded `web` mode) a push drops this process's cache alone, which is all there is.
 */
export function createHandlerDependencies(input: {
  store: HandlerStore;
  now: () => Date;
  appId?: number | undefined;
  areaChanges?: AreaChangeFeed | undefined;
}): HandlerDependencies {
  const areas = createAreaContextCache();
  return {
    store: input.store,
    now: input.now,
    areas: input.areaChanges ? shareAreaContextCache(areas, input.areaChanges) : areas,
    lock: createKeyLock(),
    ...(input.appId === undefined ? {} : { appId: input.appId }),
  };
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
