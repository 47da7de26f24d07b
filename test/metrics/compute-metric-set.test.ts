import { describe, expect, it } from 'vitest';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import { indexActivity } from '../../src/metrics/index-activity.js';
import { createWindow, previousWindowOf } from '../../src/metrics/metric-options.js';
import { scopeIndexToArea } from '../../src/metrics/scope-index-to-area.js';
import type { MetricSet } from '../../src/metrics/types.js';
import {
  aComment,
  anActivity,
  anIssue,
  aMergedPullRequest,
  aMilestone,
  aPullRequest,
  aRelease,
  aReview,
  aReviewRequest,
  t,
  WINDOW,
} from './builders.js';

const DAY = 24;
const activity = anActivity({
  pullRequests: [
    aMergedPullRequest(t(30), { number: 1, author: 'ann', createdAt: t(10), labels: ['kind/api-change'], milestoneNumber: 100 }),
    aPullRequest({ number: 2, author: 'ben', createdAt: t(20 * DAY) }),
    aMergedPullRequest(t(-2 * DAY), { number: 3, author: 'cat', createdAt: t(-3 * DAY), title: 'Revert "x"' }),
    aPullRequest({ number: 4, author: 'ann', createdAt: t(2 * DAY) }),
  ],
  reviews: [aReview(1, 'alice', t(12), { state: 'APPROVED' }), aReview(3, 'bob', t(-2.5 * DAY)), aReview(4, 'alice', t(3 * DAY))],
  comments: [aComment(1, 'bob', t(11))],
  events: [aReviewRequest(2, 'alice', t(20 * DAY + 1))],
  issues: [anIssue({ number: 5, createdAt: t(DAY), labels: ['regression'] }), anIssue({ number: 6, createdAt: t(-5 * DAY), labels: ['Release-Blocker'] })],
  milestones: [aMilestone({ number: 100, dueOn: t(-DAY) })],
  releases: [aRelease(t(-40 * DAY)), aRelease(t(-10 * DAY))],
});

describe('computeMetricSet', () => {
  const metrics = computeMetricSet(activity, { window: WINDOW });

  it('fills every field of the MetricSet contract, owners metrics left null for the report builder', () => {
    expect(metrics).toEqual<MetricSet>({
      pr_time_to_first_response_hours: { n: 2, p50: 12.5, p90: 21.7 },
      pr_time_to_first_review_hours: { n: 2, p50: 13, p90: 21.8 },
      pr_time_to_merge_hours: { n: 1, p50: 20, p90: 20 },
      review_request_turnaround_hours: { n: 0, p50: null, p90: null },
      issue_time_to_first_response_hours: { n: 0, p50: null, p90: null },
      unanswered_prs: 1,
      unanswered_issues: 2, // 5, and the release blocker 6 nobody answered
      prs_started: 3,
      prs_merged: 1,
      issues_opened: 1,
      open_review_requests: 1,
      active_reviewers: 2,
      top_reviewer_share: 0.6667,
      reviewer_absence_factor: 1,
      workload_per_active_reviewer: 0.5,
      first_time_contributors: 2,
      newcomer_pr_time_to_first_response_hours: { n: 1, p50: 1, p90: 1 },
      returning_contributor_rate_90d: { cohort: 0, returned: 0, rate: null },
      abandoned_first_prs: 0,
      owners_file_coverage: null,
      changed_files_coverage: null,
      owner_review_coverage: null,
      stale_owners: null,
      contested_prs: 0,
      merged_over_change_request: 0,
      overdue_milestones: 1,
      open_release_blockers: 1,
      milestone_slip_days: { n: 0, p50: null, p90: null },
      release_interval_days: { n: 1, p50: 30, last: 30 },
      days_since_last_release: 38,
      breaking_changes_merged: 1,
      reverts_merged: 0,
      regressions_opened: 1,
      prs_waiting_on_reviewers: 2, // 2 (since t(480)) and 4 (since t(48)): nobody requested changes
      prs_waiting_on_author: 0,
      pr_review_wait_hours: { n: 2, p50: 408, p90: 580.8 }, // 192 h and 624 h at `to` = t(672)
      prs_closed_by_bot_unanswered: 0,
      first_prs_closed_by_bot_unanswered: 0,
      issues_closed_by_bot_unanswered: 0,
    });
  });

  it('computes the previous window with previousWindowOf', () => {
    const previous = computeMetricSet(activity, { window: previousWindowOf(WINDOW) });
    expect(previous.prs_merged).toBe(1);
    expect(previous.reverts_merged).toBe(1);
    expect(previous.first_time_contributors).toBe(1);
    expect(previous.pr_time_to_merge_hours).toEqual({ n: 1, p50: 24, p90: 24 });
  });

  it('gives the same result from an index built once', () => {
    expect(computeMetricSet(indexActivity(activity), { window: WINDOW })).toEqual(metrics);
  });

  it("computes an area's set from a scoped index", () => {
    const area = computeMetricSet(scopeIndexToArea(indexActivity(activity), { prNumbers: [1], issueNumbers: [] }), { window: WINDOW });
    expect(area.prs_started).toBe(1);
    expect(area.active_reviewers).toBe(1);
    expect(area.overdue_milestones).toBe(1);
    expect(area.first_time_contributors).toBe(1);
    expect(area.release_interval_days).toBeNull();
    expect(area.days_since_last_release).toBeNull();
    expect(area.issues_opened).toBe(0);
  });

  it("keeps only the milestones an area's items are in", () => {
    const area = computeMetricSet(scopeIndexToArea(indexActivity(activity), { prNumbers: [2, 4], issueNumbers: [5] }), { window: WINDOW });
    expect(area.overdue_milestones).toBe(0);
    expect(area.regressions_opened).toBe(1);
  });

  it('treats ignoreUsers as bots', () => {
    const withIgnored = computeMetricSet(activity, { window: WINDOW, ignoreUsers: ['ALICE'] });
    expect(withIgnored.active_reviewers).toBe(1);
    expect(withIgnored.open_review_requests).toBe(0);
  });
});

describe('createWindow', () => {
  it('is the 28 days before `to` by default, with the previous window before it', () => {
    const window = createWindow(new Date('2026-11-29T00:00:00Z'));
    expect(window.from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(window.previousFrom.toISOString()).toBe('2026-10-04T00:00:00.000Z');
    expect(previousWindowOf(window).to).toEqual(window.from);
  });
});
