import { isWithin } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * `abandoned_first_prs`: authors' first PRs closed unmerged in the window without any comment or review by a human
 * non-author before the close. `null` ("history too short") when such a PR is an author's first stored PR that the
 * history cannot tell about, or the window starts before the store holds every PR (see `first_time_contributors`).
 */
export function computeAbandonedFirstPrs(context: MetricContext): number | null {
  const { fromMs, toMs } = context.options;
  if (fromMs < context.index.completeSinceMs) return null;
  let count = 0;
  for (const pr of context.index.pullRequests) {
    if (pr.mergedMs !== null || !isWithin(pr.closedMs, fromMs, toMs)) continue;
    if (pr.firstOfAuthorUnknown) return null;
    if (!pr.firstOfAuthor) continue;
    const closedMs = pr.closedMs;
    if (!pr.responses.some((response) => response.atMs <= closedMs)) count += 1;
  }
  return count;
}
