import { isWithin } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** Whether a PR title is a revert as GitHub's "Revert" button writes it: `Revert "…"`. */
export function isRevertTitle(title: string): boolean {
  return /^\s*revert\s+"/i.test(title);
}

/** `reverts_merged`: PRs merged in the window whose title is `Revert "…"`. */
export function computeRevertsMerged(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter(
    (pr) => isWithin(pr.mergedMs, fromMs, toMs) && countsAsContribution(pr) && isRevertTitle(pr.record.title),
  ).length;
}
