import type { AreaModel } from '../areas/area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import type { RepositoryActivity } from '../core/records.js';
import { computeMetricSet } from '../metrics/compute-metric-set.js';
import { computeAreaWorkload, computeRepositoryFigures } from '../metrics/compute-repository-figures.js';
import { computeReviewerLoads } from '../metrics/compute-reviewer-loads.js';
import { type ActivityIndex, indexActivity } from '../metrics/index-activity.js';
import { type MetricOptions, previousWindowOf } from '../metrics/metric-options.js';
import { createOwnersScopes } from '../metrics/owners-metrics.js';
import { scopeIndexToArea } from '../metrics/scope-index-to-area.js';
import type { CheckRunReport } from '../render/build-check-run-view.js';
import { EMPTY_METRIC_SET } from '../render/empty-metric-set.js';
import { evaluateRules } from '../rules/evaluate-rules.js';
import type { AreaMetrics, RuleInput } from '../rules/types.js';
import { selectAreaMembers } from './area-selection.js';
import { resolveReportWindow, toMetricOptions } from './build-report.js';
import { createItemSource } from './create-item-source.js';

export interface BuildPullRequestReportInput {
  /** What `selectPullRequestCheckItems` chose to read (or the whole report's activity: the result is the same). */
  activity: RepositoryActivity;
  config: FallacyWatchConfig;
  /** The end of the window and the report's "now". */
  to: Date;
  areaModel: AreaModel | null;
  paths: readonly string[] | null;
  /** The areas the pull request's files fall in. */
  touchedAreas: readonly string[];
}

/**
 * What one pull request's check run shows of the repository report, and only that: the touched areas' metrics over
 * both windows with their findings and what was not judged there, the reviewer loads, and the repository's shown
 * figures over the window. Equal to the same parts of `buildReport` over the whole report's activity: the touched
 * areas are computed as it computes them, the other areas only for the one figure the staffing rule compares them by
 * (their own findings are not shown), and the repository only for its figures (its findings live in the digest). Pure.
 */
export function buildPullRequestReport(input: BuildPullRequestReportInput): CheckRunReport {
  const { activity, config, to } = input;
  const window = resolveReportWindow(config, to);
  const options = toMetricOptions(config, window);
  const previous = previousWindowOf(window);
  const previousOptions: MetricOptions = { ...options, window: previous };
  const touched = new Set(input.touchedAreas);
  const index = indexActivity(activity, { ignoreUsers: config.ignoreUsers, responses: config.responses });
  const owners = createOwnersScopes(activity, input.areaModel, input.paths);

  const areaIndexes = new Map<string, ActivityIndex>();
  const ruleAreas: AreaMetrics[] = selectAreaMembers(activity, input.areaModel, config.areaLabelPrefixes).map((area) => {
    const scoped = scopeIndexToArea(index, { prNumbers: area.prNumbers, issueNumbers: area.issueNumbers });
    const entry = { area: area.name, source: area.source, owners: area.owners };
    if (!touched.has(area.name)) {
      return { ...entry, metrics: { ...EMPTY_METRIC_SET, workload_per_active_reviewer: computeAreaWorkload(scoped, options) }, previous: EMPTY_METRIC_SET };
    }
    areaIndexes.set(area.name, scoped);
    return {
      ...entry,
      metrics: computeMetricSet(scoped, options, owners(window, area.name)),
      previous: computeMetricSet(scoped, previousOptions, owners(previous, area.name)),
    };
  });
  const areas = ruleAreas.filter((area) => touched.has(area.area));
  const reviewers = computeReviewerLoads(index, options);
  const ruleInput: RuleInput = {
    repository: activity.repository.fullName,
    now: to,
    // Repository-wide findings are the digest's: the rules see no repository figures, so none fires.
    repo: { metrics: EMPTY_METRIC_SET, previous: EMPTY_METRIC_SET },
    areas: ruleAreas,
    reviewers,
    supplyChain: null,
    listItems: createItemSource({
      activity,
      options,
      repository: index,
      areas: areaIndexes,
      staleOwners: (area) => (area === null ? null : (areas.find((entry) => entry.area === area)?.metrics.stale_owners ?? null)),
    }),
  };
  const rules = evaluateRules(ruleInput, { rules: config.rules, suppress: config.suppress });
  const shown = (area: string | null) => area !== null && touched.has(area);
  return {
    repository: activity.repository.fullName,
    repo: { metrics: computeRepositoryFigures(index, options) },
    areas,
    reviewers,
    findings: rules.findings.filter((finding) => shown(finding.area)),
    not_judged: rules.insufficientData.filter((entry) => shown(entry.area)),
  };
}
