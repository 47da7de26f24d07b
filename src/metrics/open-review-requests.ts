import { isOpenAt } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * Pending user review requests at `to`, per human reviewer, over PRs open at `to`. A request is pending when its
 * latest `review_requested` before `to` was neither followed by a `review_request_removed` nor by a submitted review
 * of that reviewer (GitHub clears a request when the reviewer reviews; a comment does not).
 */
export function computePendingReviewRequests(context: MetricContext): Map<string, number> {
  const { toMs } = context.options;
  const perReviewer = new Map<string, number>();
  for (const pr of context.index.pullRequests) {
    if (pr.reviewRequests.length === 0 || !isOpenAt(pr, toMs)) continue;
    const requestedAt = new Map<string, number>();
    for (const request of pr.reviewRequests) {
      if (request.atMs >= toMs) break;
      if (request.requested) requestedAt.set(request.reviewer, request.atMs);
      else requestedAt.delete(request.reviewer);
    }
    for (const [reviewer, atMs] of requestedAt) {
      const reviewed = pr.reviews.some((review) => review.reviewer === reviewer && review.atMs >= atMs && review.atMs < toMs);
      if (!reviewed) perReviewer.set(reviewer, (perReviewer.get(reviewer) ?? 0) + 1);
    }
  }
  return perReviewer;
}

/** `open_review_requests`: total pending user review requests at `to` (per reviewer in the report's `reviewers[]`). */
export function computeOpenReviewRequests(context: MetricContext): number {
  let total = 0;
  for (const count of computePendingReviewRequests(context).values()) total += count;
  return total;
}
