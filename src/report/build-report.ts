import type { AreaModel } from '../areas/area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { toClockSettings } from '../config/to-clock-settings.js';
import type { PullRequestFilesRecord, PullRequestRecord, RepositoryActivity, ReviewRecord } from '../core/records.js';
import { computeChangedFilesCoverage } from '../metrics/changed-files-coverage.js';
import { computeMetricSet } from '../metrics/compute-metric-set.js';
import { computeReviewerLoads } from '../metrics/compute-reviewer-loads.js';
import { type ActivityIndex, indexActivity } from '../metrics/index-activity.js';
import { createWindow, type MetricOptions, previousWindowOf } from '../metrics/metric-options.js';
import { computeOwnerReviewCoverage } from '../metrics/owner-review-coverage.js';
import { computeOwnersFileCoverage, listUnownedPaths } from '../metrics/owners-file-coverage.js';
import { scopeIndexToArea } from '../metrics/scope-index-to-area.js';
import { computeStaleOwners, DEFAULT_STALE_DAYS, listActiveLogins, staleOwnerLookBack } from '../metrics/stale-owners.js';
import type { MetricSet, Window } from '../metrics/types.js';
import { evaluateRules, type RulesOutcome } from '../rules/evaluate-rules.js';
import type { AreaMetrics, RuleInput } from '../rules/types.js';
import type { SupplyChainFinding } from '../supply-chain/types.js';
import { selectAreaMembers } from './area-selection.js';
import { createItemSource } from './create-item-source.js';
import type { Report } from './types.js';

export interface BuildReportInput {
  activity: RepositoryActivity;
  config: FallacyWatchConfig;
  /** The end of the window (exclusive) and the report's "now". */
  to: Date;
  /** The start of the window; default `to` minus `config.windowDays`. */
  from?: Date;
  /** Areas from the default branch's CODEOWNERS / OWNERS / config; `null` → label areas only, owners metrics `null`. */
  areaModel: AreaModel | null;
  /** Every tracked path at the default branch head (for owners coverage); `null` when unknown. */
  paths: readonly string[] | null;
  /** Supply-chain findings of the default branch; `null` when not analysed. */
  supplyChain: SupplyChainFinding[] | null;
}

export interface BuiltReport {
  report: Report;
  rules: RulesOutcome;
}

/**
 * Computes the report: every metric for the repository and each area over the window and the previous window, the
 * reviewer table, and the rules' findings. Pure: the same records, config and `to` give the same report.
 */
export function buildReport(input: BuildReportInput): BuiltReport {
  const { activity, config, to } = input;
  const window = resolveReportWindow(config, to, input.from);
  const options = toMetricOptions(config, window);
  const previous = previousWindowOf(window);
  const previousOptions: MetricOptions = { ...options, window: previous };
  const index = indexActivity(activity, { ignoreUsers: config.ignoreUsers, responses: config.responses });
  const currentFacts = input.areaModel ? collectOwnersWindowFacts(activity, window) : null;
  const previousFacts = input.areaModel ? collectOwnersWindowFacts(activity, previous) : null;
  const ownersMetrics = (area: string | undefined, forWindow: Window) => {
    const facts = forWindow === window ? currentFacts : previousFacts;
    return facts ? computeOwnersMetrics(input, area, facts) : NO_OWNERS_METRICS;
  };

  const repoMetrics = { ...computeMetricSet(index, options), ...ownersMetrics(undefined, window) };
  const repoPrevious = { ...computeMetricSet(index, previousOptions), ...ownersMetrics(undefined, previous) };
  const areaIndexes = new Map<string, ActivityIndex>();
  const areas: AreaMetrics[] = selectAreaMembers(activity, input.areaModel, config.areaLabelPrefixes).map((area) => {
    const scoped: ActivityIndex = scopeIndexToArea(index, { prNumbers: area.prNumbers, issueNumbers: area.issueNumbers });
    areaIndexes.set(area.name, scoped);
    const modelArea = input.areaModel?.areas.some((a) => a.name === area.name) ? area.name : undefined;
    const ownersFor = (forWindow: Window) =>
      modelArea ? ownersMetrics(modelArea, forWindow) : NO_OWNERS_METRICS;
    return {
      area: area.name,
      source: area.source,
      owners: area.owners,
      metrics: { ...computeMetricSet(scoped, options), ...ownersFor(window) },
      previous: { ...computeMetricSet(scoped, previousOptions), ...ownersFor(previous) },
    };
  });
  const reviewers = computeReviewerLoads(index, options);
  const ruleInput: RuleInput = {
    repository: activity.repository.fullName,
    now: to,
    repo: { metrics: repoMetrics, previous: repoPrevious },
    areas,
    reviewers,
    supplyChain: input.supplyChain,
    listItems: createItemSource({
      activity,
      options,
      repository: index,
      areas: areaIndexes,
      staleOwners: (area) => (area === null ? repoMetrics : areas.find((entry) => entry.area === area)?.metrics)?.stale_owners ?? null,
    }),
  };
  const rules = evaluateRules(ruleInput, { rules: config.rules, suppress: config.suppress });
  const report: Report = {
    schema: 'fallacy-watch/report@1',
    repository: activity.repository.fullName,
    generated_at: to.toISOString(),
    window: { from: window.from.toISOString(), to: window.to.toISOString(), previous_from: window.previousFrom.toISOString() },
    repo: { metrics: repoMetrics, previous: repoPrevious },
    areas,
    reviewers,
    unowned_paths: input.areaModel && input.paths ? listUnownedPaths(input.areaModel, input.paths) : null,
    findings: rules.findings,
    not_judged: rules.insufficientData,
    suppressed: rules.suppressed.map(({ finding, reason, until }) => ({ finding, reason, until })),
  };
  return { report, rules };
}

export type OwnersMetrics = Pick<MetricSet, 'owners_file_coverage' | 'changed_files_coverage' | 'owner_review_coverage' | 'stale_owners'>;

export const NO_OWNERS_METRICS: OwnersMetrics = {
  owners_file_coverage: null,
  changed_files_coverage: null,
  owner_review_coverage: null,
  stale_owners: null,
};

/** What the owners metrics of every area share for one window, computed once (not once per area). */
export interface OwnersWindowFacts {
  window: Window;
  /** PRs created in the window (changed-files coverage) and PRs merged in it (owner review coverage). */
  createdInWindow: PullRequestRecord[];
  mergedInWindow: PullRequestRecord[];
  /** The files and reviews of just those PRs, so each area's computation does not regroup the whole history. */
  files: PullRequestFilesRecord[];
  reviews: ReviewRecord[];
  activeLogins: Set<string>;
  historySince: Date | null;
}

export function collectOwnersWindowFacts(activity: RepositoryActivity, window: Window): OwnersWindowFacts {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const inWindow = (at: string | null) => at !== null && at >= from && at < to;
  const nowMs = window.to.getTime();
  const createdInWindow = activity.pullRequests.filter((pr) => inWindow(pr.createdAt));
  const mergedInWindow = activity.pullRequests.filter((pr) => inWindow(pr.mergedAt));
  const numbers = new Set([...createdInWindow, ...mergedInWindow].map((pr) => pr.number));
  const merged = new Set(mergedInWindow.map((pr) => pr.number));
  return {
    window,
    createdInWindow,
    mergedInWindow,
    files: activity.pullRequestFiles.filter((files) => numbers.has(files.prNumber)),
    reviews: activity.reviews.filter((review) => merged.has(review.prNumber)),
    activeLogins: knownActiveLogins(activity, window.to) ?? listActiveLogins(activity, nowMs - DEFAULT_STALE_DAYS * 86_400_000, nowMs),
    historySince: earliestActivity(activity),
  };
}

/** The logins active in the stale-owner look-back up to `end`, when the store listed them (it read only recent records). */
function knownActiveLogins(activity: RepositoryActivity, end: Date): Set<string> | undefined {
  const { from, to } = staleOwnerLookBack(end);
  const range = activity.history?.activeLogins.find((known) => known.from === from && known.to === to);
  return range && new Set(range.logins);
}

export function computeOwnersMetrics(input: BuildReportInput, area: string | undefined, facts: OwnersWindowFacts): OwnersMetrics {
  const model = input.areaModel;
  if (!model) return NO_OWNERS_METRICS;
  const { activity, config } = input;
  const { window, historySince } = facts;
  const scope = area === undefined ? {} : { area };
  return {
    owners_file_coverage: input.paths ? computeOwnersFileCoverage({ model, paths: input.paths, ...scope }) : null,
    changed_files_coverage: computeChangedFilesCoverage({
      model,
      pullRequests: facts.createdInWindow,
      pullRequestFiles: facts.files,
      window,
      ignoreUsers: config.ignoreUsers,
      ...scope,
    }),
    owner_review_coverage: computeOwnerReviewCoverage({
      model,
      pullRequests: facts.mergedInWindow,
      pullRequestFiles: facts.files,
      reviews: facts.reviews,
      window,
      ignoreUsers: config.ignoreUsers,
      ...scope,
    }),
    stale_owners: computeStaleOwners({
      model,
      pullRequests: activity.pullRequests,
      reviews: activity.reviews,
      comments: activity.comments,
      now: window.to,
      ignoreUsers: config.ignoreUsers,
      staleDays: DEFAULT_STALE_DAYS,
      activeLogins: facts.activeLogins,
      historySince,
      ...scope,
    }),
  };
}

/** The earliest record the store holds: stale-owner silence before it cannot be told from missing history. */
function earliestActivity(activity: RepositoryActivity): Date | null {
  if (activity.history) return activity.history.earliestItemAt === null ? null : new Date(activity.history.earliestItemAt);
  let earliest: string | null = null;
  for (const pr of activity.pullRequests) if (earliest === null || pr.createdAt < earliest) earliest = pr.createdAt;
  for (const issue of activity.issues) if (earliest === null || issue.createdAt < earliest) earliest = issue.createdAt;
  return earliest === null ? null : new Date(earliest);
}

/** The metric options a report's config gives for `window`. */
export function toMetricOptions(config: FallacyWatchConfig, window: Window): MetricOptions {
  return {
    window,
    ignoreUsers: config.ignoreUsers,
    responses: config.responses,
    slaHours: config.slaHours,
    clock: toClockSettings(config.clock),
    breakingChangeLabels: config.labels.breaking,
    regressionLabels: config.labels.regression,
    releaseBlockerLabels: config.labels.releaseBlocker,
  };
}

/** The report's window: `from` to `to` when `from` is given, else the `windowDays` before `to`. */
export function resolveReportWindow(config: Pick<FallacyWatchConfig, 'windowDays'>, to: Date, from?: Date): Window {
  return from ? windowBetween(from, to) : createWindow(to, config.windowDays);
}

function windowBetween(from: Date, to: Date): Window {
  return { from, to, previousFrom: new Date(2 * from.getTime() - to.getTime()) };
}
