import { summarizeDistribution } from './distribution.js';
import { measureActiveHours } from './measure-active-hours.js';
import type { MetricContext } from './metric-context.js';
import { listPullRequestsWaitingOnReviewers, type WaitingPullRequest } from './prs-waiting-on-reviewers.js';
import type { Distribution } from './types.js';

/**
 * `pr_review_wait_hours`: over the PRs waiting on their reviewers at `to`, the clock hours (draft time excluded) since
 * they last started waiting — their start, or the author's answer to the latest change request. `waiting`: the list,
 * when already made.
 */
export function computePrReviewWaitHours(
  context: MetricContext,
  waiting: readonly WaitingPullRequest[] = listPullRequestsWaitingOnReviewers(context),
): Distribution {
  const { toMs, clock } = context.options;
  return summarizeDistribution(
    waiting.map(({ pr, sinceMs }) => measureActiveHours(pr, clock, sinceMs, toMs)),
  );
}
