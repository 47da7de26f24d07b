import { isWithin } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * `abandoned_first_prs`: authors' first PRs closed unmerged in the window without any comment or review by a human
 * non-author before the close.
 */
export function computeAbandonedFirstPrs(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  let count = 0;
  for (const pr of context.index.pullRequests) {
    if (!pr.firstOfAuthor || pr.mergedMs !== null || !isWithin(pr.closedMs, fromMs, toMs)) continue;
    const closedMs = pr.closedMs;
    if (!pr.responses.some((response) => response.atMs <= closedMs)) count += 1;
  }
  return count;
}
