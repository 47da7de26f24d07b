import { isOpenAt } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `unanswered_issues`: issues open at `to` with no response before `to`, opened more than `slaHours` (clock hours) before. */
export function computeUnansweredIssues(context: MetricContext): number {
  const { toMs, clock, slaHours } = context.options;
  let count = 0;
  for (const issue of context.index.issues) {
    if (!isOpenAt(issue, toMs) || !countsAsContribution(issue)) continue;
    if (issue.firstResponseMs !== null && issue.firstResponseMs < toMs) continue;
    if (clock.measureHours(issue.createdMs, toMs) > slaHours) count += 1;
  }
  return count;
}
