import type { RepositoryFigures } from './repository-figures.js';
import { computeActiveReviewers } from './active-reviewers.js';
import { countRecentReviews } from './count-recent-reviews.js';
import type { ActivityIndex } from './index-activity.js';
import type { MetricContext } from './metric-context.js';
import { resolveMetricOptions, type MetricOptions } from './metric-options.js';
import { narrowIndexToWindow } from './narrow-index-to-window.js';
import { computeOpenReviewRequests } from './open-review-requests.js';
import { computePrTimeToFirstResponse } from './pr-time-to-first-response.js';
import { computePrTimeToFirstReview } from './pr-time-to-first-review.js';
import { computePrTimeToMerge } from './pr-time-to-merge.js';
import { computeWorkloadPerActiveReviewer } from './workload-per-active-reviewer.js';

/**
 * Just the metrics a pull request's check run shows of the repository (or of an area it does not show), computed
 * as `computeMetricSet` computes them: the same narrowed index, the same functions. The PRs started, merged or
 * open in the window and the reviews of the 90 days before its end are all they read.
 */
export function computeRepositoryFigures(index: ActivityIndex, options: MetricOptions): RepositoryFigures {
  const resolved = resolveMetricOptions(options);
  const context: MetricContext = { index: narrowIndexToWindow(index, resolved), options: resolved };
  const activeReviewers = computeActiveReviewers(countRecentReviews(context));
  return {
    pr_time_to_first_response_hours: computePrTimeToFirstResponse(context),
    pr_time_to_first_review_hours: computePrTimeToFirstReview(context),
    pr_time_to_merge_hours: computePrTimeToMerge(context),
    open_review_requests: computeOpenReviewRequests(context),
    active_reviewers: activeReviewers,
    workload_per_active_reviewer: computeWorkloadPerActiveReviewer(context, activeReviewers),
  };
}

/** An area's `workload_per_active_reviewer` alone, as `computeMetricSet` gives it (the staffing rule compares areas by it). */
export function computeAreaWorkload(index: ActivityIndex, options: MetricOptions): number | null {
  const resolved = resolveMetricOptions(options);
  const context: MetricContext = { index: narrowIndexToWindow(index, resolved), options: resolved };
  return computeWorkloadPerActiveReviewer(context, computeActiveReviewers(countRecentReviews(context)));
}
