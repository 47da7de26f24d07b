import { isOpenAt } from './activity-facts.js';
import { roundMetric } from './distribution.js';
import { isDraftAt } from './measure-active-hours.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/**
 * A PR's review weight by size (`additions + deletions`): <10 → 0.25, <30 → 0.5, <100 → 1, <500 → 2, <1000 → 4,
 * else 8. An unknown size weighs 1, a typical PR.
 */
export function weighPullRequestSize(size: number | null): number {
  if (size === null) return 1;
  if (size < 10) return 0.25;
  if (size < 30) return 0.5;
  if (size < 100) return 1;
  if (size < 500) return 2;
  if (size < 1000) return 4;
  return 8;
}

/**
 * `workload_per_active_reviewer`: PRs open and ready for review at `to`, weighted by size, divided by
 * `activeReviewers`; `null` when there is no active reviewer (the load has no one to carry it).
 */
export function computeWorkloadPerActiveReviewer(context: MetricContext, activeReviewers: number): number | null {
  if (activeReviewers === 0) return null;
  const { toMs } = context.options;
  let weight = 0;
  for (const pr of context.index.pullRequests) {
    if (isOpenAt(pr, toMs) && !isDraftAt(pr, toMs) && countsAsContribution(pr)) weight += weighPullRequestSize(pr.size);
  }
  return roundMetric(weight / activeReviewers);
}
