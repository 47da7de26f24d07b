import { isOpenAt } from './activity-facts.js';
import { collectLatestReviewStates } from './latest-review-states.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/**
 * `contested_prs`: PRs open at `to` where, taking each human reviewer's latest review before `to`, one approves and
 * another requests changes.
 */
export function computeContestedPrs(context: MetricContext): number {
  const { toMs } = context.options;
  let count = 0;
  for (const pr of context.index.pullRequests) {
    if (pr.reviews.length < 2 || !isOpenAt(pr, toMs) || !countsAsContribution(pr)) continue;
    const states = new Set(collectLatestReviewStates(pr, toMs - 1).values());
    if (states.has('APPROVED') && states.has('CHANGES_REQUESTED')) count += 1;
  }
  return count;
}
