import type { RepositoryActivity } from '../core/records.js';
import type { ReviewerLoad } from '../rules/types.js';
import { toActivityIndex } from './compute-metric-set.js';
import { countRecentReviews } from './count-recent-reviews.js';
import type { ActivityIndex } from './index-activity.js';
import { narrowIndexToWindow } from './narrow-index-to-window.js';
import { resolveMetricOptions, type MetricOptions } from './metric-options.js';
import { computePendingReviewRequests } from './open-review-requests.js';

/**
 * The report's `reviewers[]`: every human with a pending user review request at `to` or a review in the 90 days
 * before it, with both numbers; most open requests first, then most reviews, then login.
 */
export function computeReviewerLoads(source: RepositoryActivity | ActivityIndex, options: MetricOptions): ReviewerLoad[] {
  const resolved = resolveMetricOptions(options);
  const context = { index: narrowIndexToWindow(toActivityIndex(source, options), resolved), options: resolved };
  const pending = computePendingReviewRequests(context);
  const reviews = countRecentReviews(context);
  const logins = new Set([...pending.keys(), ...reviews.keys()]);
  return [...logins]
    .map((login) => ({ login, open_review_requests: pending.get(login) ?? 0, reviews_90d: reviews.get(login) ?? 0 }))
    .sort(
      (a, b) =>
        b.open_review_requests - a.open_review_requests ||
        b.reviews_90d - a.reviews_90d ||
        (a.login < b.login ? -1 : a.login > b.login ? 1 : 0),
    );
}
