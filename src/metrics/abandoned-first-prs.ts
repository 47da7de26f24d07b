import { isWithin, type PullRequestFacts } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * The PRs `abandoned_first_prs` counts: authors' first PRs closed unmerged in the window without any comment or
 * review by a human non-author before the close.
 */
export function selectAbandonedFirstPrs(context: MetricContext): PullRequestFacts[] {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter((pr) => {
    if (!pr.firstOfAuthor || pr.mergedMs !== null || !isWithin(pr.closedMs, fromMs, toMs)) return false;
    const closedMs = pr.closedMs;
    return !pr.responses.some((response) => response.atMs <= closedMs);
  });
}

/** `abandoned_first_prs`: how many PRs `selectAbandonedFirstPrs` lists. */
export function computeAbandonedFirstPrs(context: MetricContext): number {
  return selectAbandonedFirstPrs(context).length;
}
