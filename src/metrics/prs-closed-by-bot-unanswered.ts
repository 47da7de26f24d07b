import { isWithin, type PullRequestFacts } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/**
 * Whether an item closed at `closedMs` was closed by a bot (`isHuman` false for the closing actor; unknown closers
 * are not judged) and not on a human's `/close` command given before.
 */
export function isClosedByBot(
  item: { closedBy: string | null; closeRequestMs: number | null },
  closedMs: number,
  isHuman: (login: string) => boolean,
): boolean {
  if (item.closedBy === null || isHuman(item.closedBy)) return false;
  return item.closeRequestMs === null || item.closeRequestMs > closedMs;
}

/**
 * The PRs behind `prs_closed_by_bot_unanswered`: human-authored PRs closed unmerged in the window by a bot, with no
 * response by a human non-author (ignored commands are none) before the close.
 */
export function listPullRequestsClosedByBotUnanswered(context: MetricContext): PullRequestFacts[] {
  const { fromMs, toMs } = context.options;
  const { isHuman } = context.index;
  return context.index.pullRequests.filter((pr) => {
    if (!countsAsContribution(pr) || pr.mergedMs !== null || !isWithin(pr.closedMs, fromMs, toMs)) return false;
    const closedMs = pr.closedMs;
    return isClosedByBot(pr, closedMs, isHuman) && !pr.responses.some((response) => response.atMs <= closedMs);
  });
}

/** `prs_closed_by_bot_unanswered`: PRs closed in the window by a bot before any human answered (the list, when already made). */
export function computePrsClosedByBotUnanswered(
  context: MetricContext,
  closed: readonly PullRequestFacts[] = listPullRequestsClosedByBotUnanswered(context),
): number {
  return closed.length;
}
