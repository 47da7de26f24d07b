import { isWithin } from './activity-facts.js';
import { hasAnyLabel } from './has-any-label.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `breaking_changes_merged`: PRs merged in the window with a breaking-change label (`breakingChangeLabels`). */
export function computeBreakingChangesMerged(context: MetricContext): number {
  const { fromMs, toMs, breakingChangeLabels } = context.options;
  return context.index.pullRequests.filter(
    (pr) => isWithin(pr.mergedMs, fromMs, toMs) && countsAsContribution(pr) && hasAnyLabel(pr.record.labels, breakingChangeLabels),
  ).length;
}
