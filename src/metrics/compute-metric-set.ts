import type { RepositoryActivity } from '../core/records.js';
import { computeAbandonedFirstPrs } from './abandoned-first-prs.js';
import { computeActiveReviewers } from './active-reviewers.js';
import { computeBreakingChangesMerged } from './breaking-changes-merged.js';
import { computeContestedPrs } from './contested-prs.js';
import { countRecentReviews } from './count-recent-reviews.js';
import { computeDaysSinceLastRelease } from './days-since-last-release.js';
import { computeFirstTimeContributors } from './first-time-contributors.js';
import { indexActivity, type ActivityIndex } from './index-activity.js';
import { computeIssueTimeToFirstResponse } from './issue-time-to-first-response.js';
import { computeIssuesOpened } from './issues-opened.js';
import { computeMergedOverChangeRequest } from './merged-over-change-request.js';
import type { MetricContext } from './metric-context.js';
import { resolveMetricOptions, type MetricOptions } from './metric-options.js';
import { computeMilestoneSlipDays } from './milestone-slip-days.js';
import { narrowIndexToWindow } from './narrow-index-to-window.js';
import { computeNewcomerPrTimeToFirstResponse } from './newcomer-pr-time-to-first-response.js';
import { computeOpenReviewRequests } from './open-review-requests.js';
import { computeOverdueMilestones } from './overdue-milestones.js';
import { computeOwnersMetrics, NO_OWNERS_METRICS, type OwnersScope } from './owners-metrics.js';
import { computePrTimeToFirstResponse } from './pr-time-to-first-response.js';
import { computePrTimeToFirstReview } from './pr-time-to-first-review.js';
import { computePrTimeToMerge } from './pr-time-to-merge.js';
import { computePrsMerged } from './prs-merged.js';
import { computePrsStarted } from './prs-started.js';
import { computeOpenReleaseBlockers } from './open-release-blockers.js';
import { computeFirstPrsClosedByBotUnanswered } from './first-prs-closed-by-bot-unanswered.js';
import { computeIssuesClosedByBotUnanswered } from './issues-closed-by-bot-unanswered.js';
import { computePrReviewWaitHours } from './pr-review-wait-hours.js';
import { computePrsClosedByBotUnanswered, listPullRequestsClosedByBotUnanswered } from './prs-closed-by-bot-unanswered.js';
import { computePrsWaitingOnAuthor } from './prs-waiting-on-author.js';
import { computePrsWaitingOnReviewers, listPullRequestsWaitingOnReviewers } from './prs-waiting-on-reviewers.js';
import { computeRegressionsOpened } from './regressions-opened.js';
import { computeReleaseIntervalDays } from './release-interval-days.js';
import { computeReturningContributorRate } from './returning-contributor-rate.js';
import { computeReviewRequestTurnaround } from './review-request-turnaround.js';
import { computeReviewerAbsenceFactor } from './reviewer-absence-factor.js';
import { computeRevertsMerged } from './reverts-merged.js';
import { computeTopReviewerShare } from './top-reviewer-share.js';
import type { MetricSet } from './types.js';
import { computeUnansweredIssues } from './unanswered-issues.js';
import { computeUnansweredPrs } from './unanswered-prs.js';
import { computeWorkloadPerActiveReviewer } from './workload-per-active-reviewer.js';

/** Accepts raw activity (indexed here with `options.ignoreUsers` and `options.responses`) or an index built once for many calls. */
export function toActivityIndex(source: RepositoryActivity | ActivityIndex, options: MetricOptions): ActivityIndex {
  return 'scope' in source ? source : indexActivity(source, { ignoreUsers: options.ignoreUsers ?? [], responses: options.responses });
}

/**
 * Computes every metric of the spec for `options.window` over the repository or one area's index (see
 * `scopeIndexToArea`). Durations are hours (milestones and releases: days), shares are 0–1 rounded to 4 decimals.
 * The four owners metrics (`owners_file_coverage`, `changed_files_coverage`, `owner_review_coverage`,
 * `stale_owners`) come from `owners` (the area model's view of this window and area: `createOwnersScopes`), `null`
 * without it. When given an index, the index's `ignoreUsers` apply. For the previous window, call again with
 * `previousWindowOf(window)` (and that window's owners scope).
 */
export function computeMetricSet(source: RepositoryActivity | ActivityIndex, options: MetricOptions, owners?: OwnersScope | null): MetricSet {
  const resolved = resolveMetricOptions(options);
  if (owners && (owners.facts.window.from.getTime() !== options.window.from.getTime() || owners.facts.window.to.getTime() !== options.window.to.getTime())) {
    throw new Error('computeMetricSet: the owners scope is of another window');
  }
  const ownersMetrics = owners ? computeOwnersMetrics(owners, options.ignoreUsers ?? []) : NO_OWNERS_METRICS;
  const context: MetricContext = { index: narrowIndexToWindow(toActivityIndex(source, options), resolved), options: resolved };
  const reviewCounts = countRecentReviews(context);
  const activeReviewers = computeActiveReviewers(reviewCounts);
  const waitingOnReviewers = listPullRequestsWaitingOnReviewers(context);
  const closedByBotUnanswered = listPullRequestsClosedByBotUnanswered(context);
  return {
    pr_time_to_first_response_hours: computePrTimeToFirstResponse(context),
    pr_time_to_first_review_hours: computePrTimeToFirstReview(context),
    pr_time_to_merge_hours: computePrTimeToMerge(context),
    review_request_turnaround_hours: computeReviewRequestTurnaround(context),
    issue_time_to_first_response_hours: computeIssueTimeToFirstResponse(context),
    unanswered_prs: computeUnansweredPrs(context),
    unanswered_issues: computeUnansweredIssues(context),
    prs_started: computePrsStarted(context),
    prs_merged: computePrsMerged(context),
    issues_opened: computeIssuesOpened(context),
    open_review_requests: computeOpenReviewRequests(context),
    active_reviewers: activeReviewers,
    top_reviewer_share: computeTopReviewerShare(reviewCounts),
    reviewer_absence_factor: computeReviewerAbsenceFactor(reviewCounts),
    workload_per_active_reviewer: computeWorkloadPerActiveReviewer(context, activeReviewers),
    first_time_contributors: computeFirstTimeContributors(context),
    newcomer_pr_time_to_first_response_hours: computeNewcomerPrTimeToFirstResponse(context),
    returning_contributor_rate_90d: computeReturningContributorRate(context),
    abandoned_first_prs: computeAbandonedFirstPrs(context),
    ...ownersMetrics,
    contested_prs: computeContestedPrs(context),
    merged_over_change_request: computeMergedOverChangeRequest(context),
    overdue_milestones: computeOverdueMilestones(context),
    open_release_blockers: computeOpenReleaseBlockers(context),
    milestone_slip_days: computeMilestoneSlipDays(context),
    release_interval_days: computeReleaseIntervalDays(context),
    days_since_last_release: computeDaysSinceLastRelease(context),
    breaking_changes_merged: computeBreakingChangesMerged(context),
    reverts_merged: computeRevertsMerged(context),
    regressions_opened: computeRegressionsOpened(context),
    prs_waiting_on_reviewers: computePrsWaitingOnReviewers(context, waitingOnReviewers),
    prs_waiting_on_author: computePrsWaitingOnAuthor(context),
    pr_review_wait_hours: computePrReviewWaitHours(context, waitingOnReviewers),
    prs_closed_by_bot_unanswered: computePrsClosedByBotUnanswered(context, closedByBotUnanswered),
    first_prs_closed_by_bot_unanswered: computeFirstPrsClosedByBotUnanswered(context, closedByBotUnanswered),
    issues_closed_by_bot_unanswered: computeIssuesClosedByBotUnanswered(context),
  };
}
