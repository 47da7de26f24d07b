import type { Logger } from 'pino';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { toClockSettings } from '../config/to-clock-settings.js';
import type { GitHubClient } from '../github/client.js';
import { createEmptyActivity } from '../core/create-empty-activity.js';
import type { HandlerDependencies, RepositoryTarget } from '../handlers/handler-dependencies.js';
import { loadAreaModel } from '../handlers/load-area-model.js';
import { indexActivity } from '../metrics/index-activity.js';
import { createWindow } from '../metrics/metric-options.js';
import { upsertDigestIssue, type UpsertDigestIssueResult } from '../publish/upsert-digest-issue.js';
import { renderDigest } from '../render/index.js';
import { buildReport, resolveReportWindow } from '../report/build-report.js';
import { computeWeeklyTrend } from '../report/compute-weekly-trend.js';
import { readRepositorySupplyChain } from '../supply-chain/read-repository-supply-chain.js';
import { digestWeekOf, scheduledDigestTime } from './is-digest-due.js';
import { loadReportActivityWithFirstPullRequests } from '../report/look-up-first-pull-requests.js';


export interface PublishDigestInput {
  octokit: GitHubClient;
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
export async function publishDigest(deps: HandlerDependencies, input: PublishDigestInput): Promise<UpsertDigestIssueResult> {
  const { octokit, target, config } = input;
  const now = deps.now();
  const weekOf = digestWeekOf(now, config.digest.timezone);
  const to = new Date(Math.min(now.getTime(), scheduledDigestTime(weekOf, config.digest).getTime()));
  const areas = await loadAreaModel(octokit, deps.areas, target, config, input.log);
  const supplyChain = await readRepositorySupplyChain(octokit, target, input.log);
  const window = resolveReportWindow(config, to);
  const activity =
    (await loadReportActivityWithFirstPullRequests({ store: deps.store, octokit, target, window, now, log: input.log })) ?? createEmptyActivity(target);
  const context = { activity, config, areaModel: areas?.model ?? null, paths: areas?.paths ?? null, supplyChain };
  const { report } = buildReport({ ...context, to });
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
  input.log.info({ repository: target.fullName, destination, weekOf, issue: result.number, action: result.action }, 'digest published');
  return result;
}
