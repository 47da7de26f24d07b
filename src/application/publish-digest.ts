import type { Logger } from 'pino';
import type { AreaContextCache, DefaultBranchAreaSourcesReader } from '../areas/area-context-cache.js';
import { loadAreaModel } from '../areas/load-area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { toClockSettings } from '../config/to-clock-settings.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import type { EarliestPullRequestSearch } from '../github/search-earliest-pull-request.js';
import { indexActivity } from '../metrics/index-activity.js';
import { createWindow } from '../metrics/metric-options.js';
import { type DigestIssueWriter, upsertDigestIssue, type UpsertDigestIssueResult } from '../publish/upsert-digest-issue.js';
import { renderDigest } from '../render/index.js';
import { computeWeeklyTrend } from '../report/compute-weekly-trend.js';
import { loadReportActivityWithFirstPullRequests } from '../report/look-up-first-pull-requests.js';
import { digestWeekOf, scheduledDigestTime } from '../schedule/is-digest-due.js';
import type { Store } from '../store/store.js';
import type { RepositorySignalsReader } from '../supply-chain/fetch-repository-signals.js';
import { readRepositorySupplyChain } from '../supply-chain/read-repository-supply-chain.js';
import { buildRepositoryReport } from './build-repository-report.js';

/** What the digest reads and keeps besides GitHub: the store's activity read, the clock, the area sources. */
export interface PublishDigestDependencies {
  store: Pick<Store, 'loadActivity' | 'saveAuthorFirstPullRequests'>;
  now: () => Date;
  areas: Pick<AreaContextCache, 'load'>;
  /** This app's id, to tell its own digests from look-alikes; unknown with a token (the Action) and in some tests. */
  appId?: number;
}

/**
 * Of GitHub, what publishing a repository's digest takes: the default branch's area sources, its workflows and
 * releases, the first-PR search and the digest issue (Probot's Octokit, or the Action's, is one).
 */
export type DigestGitHub = DefaultBranchAreaSourcesReader & RepositorySignalsReader & EarliestPullRequestSearch & DigestIssueWriter;

export interface PublishDigestInput {
  octokit: DigestGitHub;
  target: RepositoryTarget;
  config: FallacyWatchConfig;
  log: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Builds and publishes one repository's weekly digest for the week `now` falls in (in the digest's timezone). The
 * report ends at this week's scheduled time (or `now`, before it), so every run of the same week computes the same
 * digest and the upsert edits nothing; a run after new records arrived edits it in place. Tables compare with the report's
 * previous window, as findings do (one baseline); the default branch's workflows and repository signals give the supply-chain table.
 * The issue goes to `digest.repository` when configured (its title then names the repository).
 */
export async function publishDigest(deps: PublishDigestDependencies, input: PublishDigestInput): Promise<UpsertDigestIssueResult> {
  const { octokit, target, config, log } = input;
  const now = deps.now();
  const weekOf = digestWeekOf(now, config.digest.timezone);
  const to = new Date(Math.min(now.getTime(), scheduledDigestTime(weekOf, config.digest).getTime()));
  const { report, activity } = await buildRepositoryReport(
    {
      readAreas: (areaConfig) => loadAreaModel(octokit, deps.areas, target, areaConfig, log),
      readSupplyChain: () => readRepositorySupplyChain(octokit, target, log),
      readActivity: (window, owners) => loadReportActivityWithFirstPullRequests({ store: deps.store, octokit, target, window, owners, now, log }),
    },
    { repository: target, config, to },
  );
  const trend = computeWeeklyTrend(
    indexActivity(activity, { ignoreUsers: config.ignoreUsers, responses: config.responses }),
    { window: createWindow(to, config.windowDays), clock: toClockSettings(config.clock), ignoreUsers: config.ignoreUsers, responses: config.responses },
    to,
  );
  const destination = config.digest.repository ?? target.fullName;
  const [owner, repo] = destination.split('/') as [string, string];
  const elsewhere = destination.toLowerCase() !== target.fullName.toLowerCase();
  const result = await upsertDigestIssue(octokit, {
    owner,
    repo,
    repository: target.fullName,
    weekOf,
    render: (previousDigest) => {
      const digest = renderDigest({ report, weekOf, trend, previousDigest });
      return elsewhere ? { ...digest, title: `${digest.title} — ${target.fullName}` } : digest;
    },
    ...(deps.appId === undefined ? {} : { appId: deps.appId }),
  });
  log.info({ repository: target.fullName, destination, weekOf, issue: result.number, action: result.action }, 'digest published');
  return result;
}
