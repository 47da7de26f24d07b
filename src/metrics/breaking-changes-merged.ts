import { isWithin, type PullRequestFacts } from './activity-facts.js';
import { hasAnyLabel } from './has-any-label.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** The PRs `breaking_changes_merged` counts: merged in the window with a breaking-change label (`breakingChangeLabels`). */
export function selectBreakingChangesMerged(context: MetricContext): PullRequestFacts[] {
  const { fromMs, toMs, breakingChangeLabels } = context.options;
  return context.index.pullRequests.filter(
    (pr) => isWithin(pr.mergedMs, fromMs, toMs) && countsAsContribution(pr) && hasAnyLabel(pr.record.labels, breakingChangeLabels),
  );
}

/** `breaking_changes_merged`: how many PRs `selectBreakingChangesMerged` lists. */
export function computeBreakingChangesMerged(context: MetricContext): number {
  return selectBreakingChangesMerged(context).length;
}
