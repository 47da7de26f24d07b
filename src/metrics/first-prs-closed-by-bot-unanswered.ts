import type { PullRequestFacts } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';
import { listPullRequestsClosedByBotUnanswered } from './prs-closed-by-bot-unanswered.js';

/** The first PRs (their author's first in the repository) among `prs_closed_by_bot_unanswered`. */
export function listFirstPullRequestsClosedByBotUnanswered(context: MetricContext): PullRequestFacts[] {
  return listPullRequestsClosedByBotUnanswered(context).filter((pr) => pr.firstOfAuthor);
}

/** `first_prs_closed_by_bot_unanswered`: first PRs closed in the window by a bot before any human answered. */
export function computeFirstPrsClosedByBotUnanswered(context: MetricContext): number {
  return listFirstPullRequestsClosedByBotUnanswered(context).length;
}
