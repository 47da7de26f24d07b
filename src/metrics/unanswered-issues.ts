import { isOpenAt, type IssueFacts } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** An issue `unanswered_issues` counts, with how long it has waited (clock hours) at `to`. */
export interface WaitingIssue {
  issue: IssueFacts;
  waitingHours: number;
}

/** The issues `unanswered_issues` counts: open at `to` with no response before `to`, opened more than `slaHours` (clock hours) before. */
export function selectUnansweredIssues(context: MetricContext): WaitingIssue[] {
  const { toMs, clock, slaHours } = context.options;
  const waiting: WaitingIssue[] = [];
  for (const issue of context.index.issues) {
    if (!isOpenAt(issue, toMs) || !countsAsContribution(issue)) continue;
    if (issue.firstResponseMs !== null && issue.firstResponseMs < toMs) continue;
    const waitingHours = clock.measureHours(issue.createdMs, toMs);
    if (waitingHours > slaHours) waiting.push({ issue, waitingHours });
  }
  return waiting;
}

/** `unanswered_issues`: how many issues `selectUnansweredIssues` lists. */
export function computeUnansweredIssues(context: MetricContext): number {
  return selectUnansweredIssues(context).length;
}
