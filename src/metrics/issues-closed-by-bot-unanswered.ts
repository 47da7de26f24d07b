import { isWithin, type IssueFacts } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';
import { isClosedByBot } from './prs-closed-by-bot-unanswered.js';

/**
 * The issues behind `issues_closed_by_bot_unanswered`: human-authored issues closed in the window by a bot, with no
 * response by a human non-author (ignored commands are none) before the close.
 */
export function listIssuesClosedByBotUnanswered(context: MetricContext): IssueFacts[] {
  const { fromMs, toMs } = context.options;
  const { isHuman } = context.index;
  return context.index.issues.filter((issue) => {
    if (!countsAsContribution(issue) || !isWithin(issue.closedMs, fromMs, toMs)) return false;
    const closedMs = issue.closedMs;
    return isClosedByBot(issue, closedMs, isHuman) && (issue.firstResponseMs === null || issue.firstResponseMs > closedMs);
  });
}

/** `issues_closed_by_bot_unanswered`: issues closed in the window by a bot before any human answered. */
export function computeIssuesClosedByBotUnanswered(context: MetricContext): number {
  return listIssuesClosedByBotUnanswered(context).length;
}
