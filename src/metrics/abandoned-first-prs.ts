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

/**
 * `abandoned_first_prs`: how many PRs `selectAbandonedFirstPrs` lists. `null` ("history too short") when a PR closed
 * unmerged in the window is an author's first stored PR that the history cannot tell about, or the window starts
 * before the store holds every PR (see `first_time_contributors`).
 */
export function computeAbandonedFirstPrs(context: MetricContext): number | null {
  const { fromMs, toMs } = context.options;
  if (fromMs < context.index.completeSinceMs) return null;
  const undecided = context.index.pullRequests.some(
    (pr) => pr.firstOfAuthorUnknown && pr.mergedMs === null && isWithin(pr.closedMs, fromMs, toMs),
  );
  return undecided ? null : selectAbandonedFirstPrs(context).length;
}
