import { roundMetric } from './distribution.js';

/**
 * `top_reviewer_share`: the largest share (0–1) of the area's reviews in the last 90 days held by one reviewer;
 * `null` when there were no reviews.
 */
export function computeTopReviewerShare(reviewCounts: ReadonlyMap<string, number>): number | null {
  let total = 0;
  let top = 0;
  for (const count of reviewCounts.values()) {
    total += count;
    top = Math.max(top, count);
  }
  return total === 0 ? null : roundMetric(top / total);
}
