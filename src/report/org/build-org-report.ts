import type { AreaModel } from '../../areas/area-model.js';
import type { FallacyWatchConfig } from '../../config/config-schema.js';
import type { OrgConfig } from '../../config/org-config-schema.js';
import type { RepositoryActivity } from '../../core/records.js';
import { computeMetricSet } from '../../metrics/compute-metric-set.js';
import { computeReviewerLoads } from '../../metrics/compute-reviewer-loads.js';
import { type ActivityIndex, indexActivity } from '../../metrics/index-activity.js';
import { organizationSearchUrl } from '../../metrics/item-urls.js';
import { previousWindowOf } from '../../metrics/metric-options.js';
import { scopeIndexToArea } from '../../metrics/scope-index-to-area.js';
import type { MetricSet } from '../../metrics/types.js';
import { evaluateRules } from '../../rules/evaluate-rules.js';
import type { AreaMetrics, ReviewerLoad } from '../../rules/types.js';
import type { SupplyChainFinding } from '../../supply-chain/types.js';
import { buildReport, resolveReportWindow, toMetricOptions } from '../build-report.js';
import { createItemSource } from '../create-item-source.js';
import type { Report } from '../types.js';
import { relocatePooledItems } from './relocate-pooled-items.js';
import type { OrgAreaEntry, OrgFinding, OrgReport, OrgReviewerLoad } from './org-report.js';
import { collectOrgAreas } from './collect-org-areas.js';
import { poolActivities } from './pool-activities.js';
import type { LeftOutRepository } from './select-org-repositories.js';

/** One repository of the organisation, as its own report would read it. */
export interface OrgRepositoryInput {
  activity: RepositoryActivity;
  /** The repository's own config; default: the organisation's. */
  config?: FallacyWatchConfig;
  areaModel: AreaModel | null;
  paths: readonly string[] | null;
  supplyChain: SupplyChainFinding[] | null;
}

export interface BuildOrgReportInput {
  organization: string;
  repositories: readonly OrgRepositoryInput[];
  /** The organisation's config: the window, the pooled metrics' settings and the organisation-wide rules. */
  config: FallacyWatchConfig;
  /** The organisation config (`.github/fallacy-watch-org.yml`): areas declared across repositories. */
  orgConfig?: OrgConfig;
  /** The end of the window (exclusive) and the report's "now". */
  to: Date;
  from?: Date;
  /** Repositories of the organisation left out of the report (`selectOrgRepositories`), named in it. */
  leftOut?: readonly LeftOutRepository[];
}

export interface BuiltOrgReport {
  report: OrgReport;
  /** Each repository's own report, in input order. */
  repositoryReports: Report[];
}

/** Metrics that belong to one repository: pooled, they would mix different trees or release trains. */
const PER_REPOSITORY_ONLY = [
  'owners_file_coverage',
  'changed_files_coverage',
  'owner_review_coverage',
  'stale_owners',
  'release_interval_days',
  'days_since_last_release',
] as const satisfies ReadonlyArray<keyof MetricSet>;

/**
 * The organisation report: each repository's own report, and the same metrics over every repository's items pooled
 * (`poolActivities`), for the organisation and for each area name found in more than one place (an OWNERS label such
 * as `sig/storage`, an area label, a CODEOWNERS team), with the rules run on the pooled figures. Pure.
 */
export function buildOrgReport(input: BuildOrgReportInput): BuiltOrgReport {
  const { config, to } = input;
  const window = resolveReportWindow(config, to, input.from);
  const options = toMetricOptions(config, window);
  const previousOptions = { ...options, window: previousWindowOf(window) };

  const repositoryReports = input.repositories.map((repository) =>
    buildReport({
      activity: repository.activity,
      config: repository.config ?? config,
      to,
      ...(input.from ? { from: input.from } : {}),
      areaModel: repository.areaModel,
      paths: repository.paths,
      supplyChain: repository.supplyChain,
    }).report,
  );

  const pooled = poolActivities(
    { installationId: input.repositories[0]?.activity.repository.installationId ?? 0, repoId: 0, fullName: input.organization, defaultBranch: '', private: false },
    input.repositories.map((repository) => repository.activity),
  );
  const index = indexActivity(pooled, { ignoreUsers: config.ignoreUsers, responses: config.responses });
  const orgMetrics = (source: Parameters<typeof computeMetricSet>[0], forOptions: typeof options) =>
    withoutPerRepositoryMetrics(computeMetricSet(source, forOptions));

  const areaSources = input.repositories.map((repository) => ({
    activity: repository.activity,
    areaModel: repository.areaModel,
    labelPrefixes: (repository.config ?? config).areaLabelPrefixes,
  }));
  const areaIndexes = new Map<string, ActivityIndex>();
  const areas = collectOrgAreas(areaSources, input.orgConfig?.areas).map((area): OrgAreaEntry & AreaMetrics => {
    const scoped = scopeIndexToArea(index, area);
    areaIndexes.set(area.name, scoped);
    return {
      area: area.name,
      source: 'organisation',
      owners: [],
      repositories: area.repositories,
      parts: area.parts,
      missing_repositories: area.missingRepositories,
      metrics: orgMetrics(scoped, options),
      previous: orgMetrics(scoped, previousOptions),
    };
  });
  const metrics = orgMetrics(index, options);
  const previous = orgMetrics(index, previousOptions);
  const reviewers = computeReviewerLoads(index, options);
  const repositoryNames = input.repositories.map((repository) => repository.activity.repository.fullName);
  const pooledItems = createItemSource({
    activity: pooled,
    options,
    repository: index,
    areas: areaIndexes,
    staleOwners: () => null,
    searchUrl: (query) => organizationSearchUrl(input.organization, query),
  });
  const rules = evaluateRules(
    {
      repository: input.organization,
      now: to,
      repo: { metrics, previous },
      areas,
      reviewers,
      supplyChain: null,
      listItems: (area, list) => relocatePooledItems(pooledItems(area, list), repositoryNames),
    },
    { rules: config.rules, suppress: config.suppress },
  );

  const findings: OrgFinding[] = [
    ...rules.findings.map((finding) => ({ ...finding, repository: null })),
    ...repositoryReports.flatMap((report) => report.findings.map((finding) => ({ ...finding, repository: report.repository }))),
  ];
  const report: OrgReport = {
    schema: 'fallacy-watch/org-report@1',
    organization: input.organization,
    generated_at: to.toISOString(),
    window: { from: window.from.toISOString(), to: window.to.toISOString(), previous_from: window.previousFrom.toISOString() },
    org: { metrics, previous },
    repositories: repositoryReports.map((report, index) => ({
      repository: report.repository,
      metrics: report.repo.metrics,
      previous: report.repo.previous,
      findings: report.findings.length,
      supply_chain_analysed: input.repositories[index]!.supplyChain !== null,
    })),
    left_out: [...(input.leftOut ?? [])],
    areas: areas.map(({ area, repositories, parts, missing_repositories, metrics: areaMetrics, previous: areaPrevious }) => ({
      area,
      repositories,
      parts,
      missing_repositories,
      metrics: areaMetrics,
      previous: areaPrevious,
    })),
    reviewers: countReviewerRepositories(reviewers, repositoryReports),
    findings,
  };
  return { report, repositoryReports };
}

function withoutPerRepositoryMetrics(metrics: MetricSet): MetricSet {
  const out = { ...metrics };
  for (const name of PER_REPOSITORY_ONLY) out[name] = null;
  return out;
}

/** The pooled loads, each with the number of repositories whose own reviewer table lists the reviewer. */
function countReviewerRepositories(reviewers: readonly ReviewerLoad[], reports: readonly Report[]): OrgReviewerLoad[] {
  const counts = new Map<string, number>();
  for (const report of reports) for (const reviewer of report.reviewers) counts.set(reviewer.login, (counts.get(reviewer.login) ?? 0) + 1);
  return reviewers.map((reviewer) => ({ ...reviewer, repositories: counts.get(reviewer.login) ?? 0 }));
}
