import { isWithin } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `prs_merged`: PRs merged in the window. */
export function computePrsMerged(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter((pr) => isWithin(pr.mergedMs, fromMs, toMs) && countsAsContribution(pr))
    .length;
}
