import { isOpenAt, type PullRequestFacts } from './activity-facts.js';
import { isDraftAt, measureActiveHours } from './measure-active-hours.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** A PR `unanswered_prs` counts, with how long it has waited (clock hours, draft time excluded) at `to`. */
export interface WaitingPullRequest {
  pr: PullRequestFacts;
  waitingHours: number;
}

/**
 * The PRs `unanswered_prs` counts: open and ready for review at `to` with no response before `to`, whose start is
 * more than `slaHours` (clock hours, draft time excluded) before `to`. Drafts at `to` are not waiting for anyone.
 */
export function selectUnansweredPrs(context: MetricContext): WaitingPullRequest[] {
  const { toMs, clock, slaHours } = context.options;
  const waiting: WaitingPullRequest[] = [];
  for (const pr of context.index.pullRequests) {
    if (!isOpenAt(pr, toMs) || isDraftAt(pr, toMs) || !countsAsContribution(pr)) continue;
    if (pr.firstResponseMs !== null && pr.firstResponseMs < toMs) continue;
    const waitingHours = measureActiveHours(pr, clock, pr.startMs!, toMs);
    if (waitingHours > slaHours) waiting.push({ pr, waitingHours });
  }
  return waiting;
}

/** `unanswered_prs`: how many PRs `selectUnansweredPrs` lists. */
export function computeUnansweredPrs(context: MetricContext): number {
  return selectUnansweredPrs(context).length;
}
