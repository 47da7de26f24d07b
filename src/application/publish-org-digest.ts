import type { Logger } from 'pino';
import type { AreaContextCache, DefaultBranchAreaSourcesReader } from '../areas/area-context-cache.js';
import { loadAreaModel } from '../areas/load-area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import type { OrgConfig } from '../config/org-config-schema.js';
import type { RepositoryRecord } from '../core/records.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import { type DigestIssueWriter, upsertDigestIssue, type UpsertDigestIssueResult } from '../publish/upsert-digest-issue.js';
import { renderOrgDigest } from '../render/render-org-digest.js';
import { resolveReportWindow } from '../report/build-report.js';
import { buildOrgReport, type OrgRepositoryInput } from '../report/org/build-org-report.js';
import { loadActivityForWindows } from '../report/load-report-activity.js';
import { selectOrgRepositories } from '../report/org/select-org-repositories.js';
import { digestWeekOf, scheduledDigestTime } from '../schedule/is-digest-due.js';
import type { Store } from '../store/store.js';
import type { RepositorySignalsReader } from '../supply-chain/fetch-repository-signals.js';
import { readRepositorySupplyChain } from '../supply-chain/read-repository-supply-chain.js';

/** What the organisation digest reads besides GitHub: the store's repositories and activity, the clock, the area sources. */
export interface PublishOrgDigestDependencies {
  store: Pick<Store, 'listRepositories' | 'loadActivity'>;
  now: () => Date;
  areas: Pick<AreaContextCache, 'load'>;
  /** This app's id, to tell its own digests from look-alikes. */
  appId?: number;
}

export interface PublishOrgDigestInput {
  /** Of GitHub, what the organisation digest takes: each repository's area sources and supply chain, and the issue. */
  octokit: DefaultBranchAreaSourcesReader & RepositorySignalsReader & DigestIssueWriter;
  installationId: number;
  organization: string;
  orgConfig: OrgConfig;
  /** The organisation's default config (its `.github` repository's `.github/fallacy-watch.yml`): the pooled figures' settings. */
  config: FallacyWatchConfig;
  /** Each repository's own config, as its own digest reads it. */
  readRepositoryConfig: (target: RepositoryTarget) => Promise<FallacyWatchConfig>;
  log: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Builds and publishes the organisation's weekly digest for the week `now` falls in (in the digest's timezone): every
 * repository of the organisation the installation holds in the store, each with its own config and areas (as its
 * own digest computes them), pooled by `buildOrgReport`, into one issue in `orgConfig.digest.repository`. The
 * report ends at this week's scheduled time (or `now`, before it), so every run of one week renders the same digest
 * and the upsert (found by its marker, one per organisation per week) edits nothing; the previous one is linked and
 * closed. Archived repositories and forks are left out (and named) unless `orgConfig.include` counts them; each
 * repository's supply chain is read as its own digest reads it, and tabled by repository.
 */
export async function publishOrgDigest(
  deps: PublishOrgDigestDependencies,
  input: PublishOrgDigestInput,
): Promise<UpsertDigestIssueResult> {
  const { octokit, organization, orgConfig } = input;
  const now = deps.now();
  const weekOf = digestWeekOf(now, orgConfig.digest.timezone);
  const to = new Date(Math.min(now.getTime(), scheduledDigestTime(weekOf, orgConfig.digest).getTime()));
  const { included, leftOut } = selectOrgRepositories(
    (await deps.store.listRepositories(input.installationId)).filter((record) => ownerOf(record) === organization.toLowerCase()),
    orgConfig.include,
  );
  const repositories: OrgRepositoryInput[] = [];
  for (const record of included) {
    const [owner, repo] = record.fullName.split('/') as [string, string];
    const target: RepositoryTarget = { ...record, owner, repo };
    const config = await input.readRepositoryConfig(target);
    // What the repository's own report over its window needs, and what the pooled figures over the organisation's need.
    const windows = [resolveReportWindow(config, to), resolveReportWindow(input.config, to)];
    const activity = await loadActivityForWindows(deps.store, record.installationId, record.repoId, windows);
    if (!activity) continue;
    const areas = await loadAreaModel(octokit, deps.areas, target, config, input.log);
    const supplyChain = await readRepositorySupplyChain(octokit, target, input.log);
    repositories.push({ activity, config, areaModel: areas?.model ?? null, paths: areas?.paths ?? null, supplyChain });
  }
  const { report } = buildOrgReport({ organization, repositories, config: input.config, orgConfig, to, leftOut });
  const result = await upsertDigestIssue(octokit, {
    owner: organization,
    repo: orgConfig.digest.repository,
    repository: organization,
    weekOf,
    render: (previousDigest) => renderOrgDigest({ report, weekOf, previousDigest }),
    ...(deps.appId === undefined ? {} : { appId: deps.appId }),
  });
  input.log.info(
    { organization, destination: `${organization}/${orgConfig.digest.repository}`, repositories: repositories.length, weekOf, issue: result.number, action: result.action },
    'organisation digest published',
  );
  return result;
}

function ownerOf(record: RepositoryRecord): string {
  return record.fullName.split('/')[0]!.toLowerCase();
}
