import { type AreaSourcesCache, fetchAreaSources } from '../areas/fetch-area-sources.js';
import type { GitHubClient } from '../github/client.js';
import type { BackfillStore } from './backfill-store.js';
import { backfillRepository, type BackfillResult } from './backfill-repository.js';
import type { RateLimitGovernor } from './rate-limit-governor.js';

export interface InstallationBackfillOptions {
  store: BackfillStore;
  /**
   * The installation's client (Probot's `context.octokit` / `app.auth(installationId)`): its installation token is
   * minted and renewed by Probot's app auth before it expires, so a backfill that runs for hours keeps working.
   */
  octokit: GitHubClient;
  installationId: number;
  /** The repositories of `installation.created` / `installation_repositories.added` (`full_name`). */
  repositories: ReadonlyArray<{ fullName: string }>;
  /** Days of history (the app's `backfillDays`, default 180). */
  backfillDays?: number;
  /** The process-wide governor: one query in flight per installation, an app-wide cap. */
  governor: RateLimitGovernor;
  now: Date;
  /** Shared with the check-run handlers, so the area sources read here are not fetched again. */
  areaSourcesCache?: AreaSourcesCache;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** The outcome per repository: what was stored, or why it failed. */
export type RepositoryBackfillOutcome =
  | { fullName: string; ok: true; result: BackfillResult }
  | { fullName: string; ok: false; error: string };

/**
 * What the app runs for `installation.created` and `installation_repositories.added`: backfills each repository in
 * turn (sequentially: an installation's rate limit is one budget), with its CODEOWNERS / OWNERS read through
 * {@link fetchAreaSources}. A repository that fails is logged and reported; the others still run. Calling it again
 * after a crash resumes each repository from its checkpoints.
 */
export async function onInstallationBackfill(options: InstallationBackfillOptions): Promise<RepositoryBackfillOutcome[]> {
  const outcomes: RepositoryBackfillOutcome[] = [];
  for (const { fullName } of options.repositories) {
    try {
      const result = await backfillRepository({
        store: options.store,
        graphql: (query, variables) => options.octokit.graphql(query, variables),
        governor: options.governor,
        installationId: options.installationId,
        repository: fullName,
        ...(options.backfillDays === undefined ? {} : { backfillDays: options.backfillDays }),
        now: options.now,
        readAreaSources: (params) => fetchAreaSources(options.octokit, params, options.areaSourcesCache),
      });
      options.log?.info({ installationId: options.installationId, repository: fullName, items: result.items, points: result.points }, 'backfill done');
      outcomes.push({ fullName, ok: true, result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log?.error({ installationId: options.installationId, repository: fullName, err: message }, 'backfill failed');
      outcomes.push({ fullName, ok: false, error: message });
    }
  }
  return outcomes;
}
