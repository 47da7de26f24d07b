import { isWithin, type PullRequestFacts } from './activity-facts.js';
import { collectLatestReviewStates } from './latest-review-states.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** The PRs `merged_over_change_request` counts: merged in the window while some reviewer's latest review was `CHANGES_REQUESTED`. */
export function selectMergedOverChangeRequest(context: MetricContext): PullRequestFacts[] {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter((pr) => {
    if (pr.reviews.length === 0 || !isWithin(pr.mergedMs, fromMs, toMs) || !countsAsContribution(pr)) return false;
    const states = collectLatestReviewStates(pr, pr.mergedMs);
    return [...states.values()].includes('CHANGES_REQUESTED');
  });
}

/** `merged_over_change_request`: how many PRs `selectMergedOverChangeRequest` lists. */
export function computeMergedOverChangeRequest(context: MetricContext): number {
  return selectMergedOverChangeRequest(context).length;
}
