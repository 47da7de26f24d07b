import { describe, expect, it } from 'vitest';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { computeAbandonedFirstPrs } from '../../src/metrics/abandoned-first-prs.js';
import { computeBreakingChangesMerged } from '../../src/metrics/breaking-changes-merged.js';
import { computeContestedPrs } from '../../src/metrics/contested-prs.js';
import { countRecentReviews } from '../../src/metrics/count-recent-reviews.js';
import { computeFirstTimeContributors } from '../../src/metrics/first-time-contributors.js';
import { indexActivity } from '../../src/metrics/index-activity.js';
import { computeIssueTimeToFirstResponse } from '../../src/metrics/issue-time-to-first-response.js';
import { computeIssuesOpened } from '../../src/metrics/issues-opened.js';
import { computeMergedOverChangeRequest } from '../../src/metrics/merged-over-change-request.js';
import type { MetricContext } from '../../src/metrics/metric-context.js';
import { createWindow, previousWindowOf, resolveMetricOptions } from '../../src/metrics/metric-options.js';
import { narrowIndexToWindow } from '../../src/metrics/narrow-index-to-window.js';
import { computeNewcomerPrTimeToFirstResponse } from '../../src/metrics/newcomer-pr-time-to-first-response.js';
import { computePendingReviewRequests } from '../../src/metrics/open-review-requests.js';
import { computePrTimeToFirstResponse } from '../../src/metrics/pr-time-to-first-response.js';
import { computePrTimeToFirstReview } from '../../src/metrics/pr-time-to-first-review.js';
import { computePrTimeToMerge } from '../../src/metrics/pr-time-to-merge.js';
import { computePrsMerged } from '../../src/metrics/prs-merged.js';
import { computePrsStarted } from '../../src/metrics/prs-started.js';
import { computeRegressionsOpened } from '../../src/metrics/regressions-opened.js';
import { computeReturningContributorRate } from '../../src/metrics/returning-contributor-rate.js';
import { computeReviewRequestTurnaround } from '../../src/metrics/review-request-turnaround.js';
import { computeRevertsMerged } from '../../src/metrics/reverts-merged.js';
import { computeUnansweredIssues } from '../../src/metrics/unanswered-issues.js';
import { computeUnansweredPrs } from '../../src/metrics/unanswered-prs.js';
import { computeWorkloadPerActiveReviewer } from '../../src/metrics/workload-per-active-reviewer.js';

const metrics: Record<string, (context: MetricContext) => unknown> = {
  computeAbandonedFirstPrs,
  computeBreakingChangesMerged,
  computeContestedPrs,
  countRecentReviews: (context) => Object.fromEntries(countRecentReviews(context)),
  computeFirstTimeContributors,
  computeIssueTimeToFirstResponse,
  computeIssuesOpened,
  computeMergedOverChangeRequest,
  computeNewcomerPrTimeToFirstResponse,
  computePendingReviewRequests: (context) => Object.fromEntries(computePendingReviewRequests(context)),
  computePrTimeToFirstResponse,
  computePrTimeToFirstReview,
  computePrTimeToMerge,
  computePrsMerged,
  computePrsStarted,
  computeRegressionsOpened,
  computeReturningContributorRate,
  computeReviewRequestTurnaround,
  computeRevertsMerged,
  computeUnansweredIssues,
  computeUnansweredPrs,
  workload: (context) => computeWorkloadPerActiveReviewer(context, 3),
};

describe('narrowIndexToWindow', () => {
  const end = new Date('2026-11-22T00:00:00Z');
  const index = indexActivity(generateActivity({ seed: 3, end, pullRequests: 4000, events: 40_000 }));

  for (const window of [createWindow(end), previousWindowOf(createWindow(end)), createWindow(new Date('2024-03-01T00:00:00Z'), 90)]) {
    const options = resolveMetricOptions({ window });
    const narrowed = narrowIndexToWindow(index, options);

    it(`keeps fewer PRs yet gives every metric the same value (window ending ${window.to.toISOString()})`, () => {
      expect(narrowed.pullRequests.length).toBeLessThan(index.pullRequests.length / 2);
      for (const [name, compute] of Object.entries(metrics)) {
        expect(compute({ index: narrowed, options }), name).toEqual(compute({ index, options }));
      }
    });
  }
});
