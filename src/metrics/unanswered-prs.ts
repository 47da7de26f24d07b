import { isOpenAt } from './activity-facts.js';
import { isDraftAt, measureActiveHours } from './measure-active-hours.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/**
 * `unanswered_prs`: PRs open and ready for review at `to` with no response before `to`, whose start is more than
 * `slaHours` (clock hours, draft time excluded) before `to`. Drafts at `to` are not waiting for anyone.
 */
export function computeUnansweredPrs(context: MetricContext): number {
  const { toMs, clock, slaHours } = context.options;
  let count = 0;
  for (const pr of context.index.pullRequests) {
    if (!isOpenAt(pr, toMs) || isDraftAt(pr, toMs) || !countsAsContribution(pr)) continue;
    if (pr.firstResponseMs !== null && pr.firstResponseMs < toMs) continue;
    if (measureActiveHours(pr, clock, pr.startMs!, toMs) > slaHours) count += 1;
  }
  return count;
}
