import { isWithin } from './activity-facts.js';
import { collectLatestReviewStates } from './latest-review-states.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `merged_over_change_request`: PRs merged in the window while some reviewer's latest review was `CHANGES_REQUESTED`. */
export function computeMergedOverChangeRequest(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  let count = 0;
  for (const pr of context.index.pullRequests) {
    if (pr.reviews.length === 0 || !isWithin(pr.mergedMs, fromMs, toMs) || !countsAsContribution(pr)) continue;
    const states = collectLatestReviewStates(pr, pr.mergedMs);
    if ([...states.values()].includes('CHANGES_REQUESTED')) count += 1;
  }
  return count;
}
