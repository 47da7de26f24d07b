import type { AreaModel } from '../areas/area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { toClockSettings } from '../config/to-clock-settings.js';
import type { RepositoryActivity } from '../core/records.js';
import { computeMetricSet } from '../metrics/compute-metric-set.js';
import { computeReviewerLoads } from '../metrics/compute-reviewer-loads.js';
import { type ActivityIndex, indexActivity } from '../metrics/index-activity.js';
import { createWindow, type MetricOptions, previousWindowOf } from '../metrics/metric-options.js';
import { createOwnersScopes } from '../metrics/owners-metrics.js';
import { listUnownedPaths } from '../metrics/owners-file-coverage.js';
import { scopeIndexToArea } from '../metrics/scope-index-to-area.js';
import type { Window } from '../metrics/types.js';
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
  const owners = createOwnersScopes(activity, input.areaModel, input.paths);

  const repoMetrics = computeMetricSet(index, options, owners(window));
  const repoPrevious = computeMetricSet(index, previousOptions, owners(previous));
  const areaIndexes = new Map<string, ActivityIndex>();
  const areas: AreaMetrics[] = selectAreaMembers(activity, input.areaModel, config.areaLabelPrefixes).map((area) => {
    const scoped: ActivityIndex = scopeIndexToArea(index, { prNumbers: area.prNumbers, issueNumbers: area.issueNumbers });
    areaIndexes.set(area.name, scoped);
    return {
      area: area.name,
      source: area.source,
      owners: area.owners,
      metrics: computeMetricSet(scoped, options, owners(window, area.name)),
      previous: computeMetricSet(scoped, previousOptions, owners(previous, area.name)),
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
