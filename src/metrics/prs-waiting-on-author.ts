import type { MetricContext } from './metric-context.js';
import { listPullRequestsWaitingOn, type WaitingPullRequest } from './prs-waiting-on-reviewers.js';

/** The PRs behind `prs_waiting_on_author`: a human non-author requested changes and the author has not acted since. */
export function listPullRequestsWaitingOnAuthor(context: MetricContext): WaitingPullRequest[] {
  return listPullRequestsWaitingOn(context, 'author');
}

/** `prs_waiting_on_author`: open, non-draft PRs at `to` whose turn is their author's. */
export function computePrsWaitingOnAuthor(context: MetricContext): number {
  return listPullRequestsWaitingOnAuthor(context).length;
}
