import type { MetricContext } from './metric-context.js';

const DAY_MS = 86_400_000;

/**
 * Submitted reviews per human reviewer (never the PR's author) in the `reviewerActivityDays` (default 90) days before
 * `to`, over the index's PRs. The basis of `active_reviewers`, `top_reviewer_share` and `reviewer_absence_factor`.
 */
export function countRecentReviews(context: MetricContext): Map<string, number> {
  const { toMs, reviewerActivityDays } = context.options;
  const sinceMs = toMs - reviewerActivityDays * DAY_MS;
  const counts = new Map<string, number>();
  for (const pr of context.index.pullRequests) {
    for (const review of pr.reviews) {
      if (review.atMs >= sinceMs && review.atMs < toMs) counts.set(review.reviewer, (counts.get(review.reviewer) ?? 0) + 1);
    }
  }
  return counts;
}
