import { isOpenAt, type PullRequestFacts } from './activity-facts.js';
import { collectLatestReviewStates } from './latest-review-states.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/**
 * The PRs `contested_prs` counts: open at `to` where, taking each human reviewer's latest review before `to`, one
 * approves and another requests changes.
 */
export function selectContestedPrs(context: MetricContext): PullRequestFacts[] {
  const { toMs } = context.options;
  return context.index.pullRequests.filter((pr) => {
    if (pr.reviews.length < 2 || !isOpenAt(pr, toMs) || !countsAsContribution(pr)) return false;
    const states = new Set(collectLatestReviewStates(pr, toMs - 1).values());
    return states.has('APPROVED') && states.has('CHANGES_REQUESTED');
  });
}

/** `contested_prs`: how many PRs `selectContestedPrs` lists. */
export function computeContestedPrs(context: MetricContext): number {
  return selectContestedPrs(context).length;
}
