import type { PullRequestFacts } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';
import { listPullRequestsClosedByBotUnanswered } from './prs-closed-by-bot-unanswered.js';

/** The first PRs (their author's first in the repository) among `prs_closed_by_bot_unanswered` (`closed`, when already listed). */
export function listFirstPullRequestsClosedByBotUnanswered(
  context: MetricContext,
  closed: readonly PullRequestFacts[] = listPullRequestsClosedByBotUnanswered(context),
): PullRequestFacts[] {
  return closed.filter((pr) => pr.firstOfAuthor);
}

/**
 * `first_prs_closed_by_bot_unanswered`: first PRs closed in the window by a bot before any human answered. `null`
 * ("history too short") when one of those closed PRs is a first stored PR the history cannot tell about.
 */
export function computeFirstPrsClosedByBotUnanswered(
  context: MetricContext,
  closed: readonly PullRequestFacts[] = listPullRequestsClosedByBotUnanswered(context),
): number | null {
  if (closed.some((pr) => pr.firstOfAuthorUnknown)) return null;
  return listFirstPullRequestsClosedByBotUnanswered(context, closed).length;
}
