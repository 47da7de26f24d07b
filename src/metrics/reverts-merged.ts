import { isWithin, type PullRequestFacts } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** Whether a PR title is a revert as GitHub's "Revert" button writes it: `Revert "…"`. */
export function isRevertTitle(title: string): boolean {
  return /^\s*revert\s+"/i.test(title);
}

/** The PRs `reverts_merged` counts: merged in the window with a title `Revert "…"`. */
export function selectRevertsMerged(context: MetricContext): PullRequestFacts[] {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter(
    (pr) => isWithin(pr.mergedMs, fromMs, toMs) && countsAsContribution(pr) && isRevertTitle(pr.record.title),
  );
}

/** `reverts_merged`: how many PRs `selectRevertsMerged` lists. */
export function computeRevertsMerged(context: MetricContext): number {
  return selectRevertsMerged(context).length;
}
