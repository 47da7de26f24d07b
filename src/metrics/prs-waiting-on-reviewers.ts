import type { PullRequestFacts } from './activity-facts.js';
import { findWhoseTurn } from './find-whose-turn.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** A PR waiting on one side at `to`, and since when (epoch ms). */
export interface WaitingPullRequest {
  pr: PullRequestFacts;
  sinceMs: number;
}

/** The human-authored PRs whose turn it is on `side` at `to` (see `findWhoseTurn`), in index order. */
export function listPullRequestsWaitingOn(context: MetricContext, side: 'reviewers' | 'author'): WaitingPullRequest[] {
  const { toMs } = context.options;
  const waiting: WaitingPullRequest[] = [];
  for (const pr of context.index.pullRequests) {
    if (!countsAsContribution(pr)) continue;
    const turn = findWhoseTurn(pr, toMs);
    if (turn !== null && turn.side === side) waiting.push({ pr, sinceMs: turn.sinceMs });
  }
  return waiting;
}

/** The PRs behind `prs_waiting_on_reviewers`: open, ready and not waiting on their author at `to`. */
export function listPullRequestsWaitingOnReviewers(context: MetricContext): WaitingPullRequest[] {
  return listPullRequestsWaitingOn(context, 'reviewers');
}

/** `prs_waiting_on_reviewers`: open, non-draft PRs at `to` whose turn is their reviewers' (the list, when already made). */
export function computePrsWaitingOnReviewers(
  context: MetricContext,
  waiting: readonly WaitingPullRequest[] = listPullRequestsWaitingOnReviewers(context),
): number {
  return waiting.length;
}
