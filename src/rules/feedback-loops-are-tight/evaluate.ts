import type { Distribution } from '../../metrics/types.js';
import { itemsOf } from '../items-of.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatCount, formatHours } from '../format-numbers.js';
import { listAreaCounts } from '../list-area-counts.js';
import { listScopes } from '../list-scopes.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { FeedbackLoopsOptions } from './config-schema.js';
import { metadata } from './metadata.js';

type LatencyMetric =
  | 'pr_time_to_first_response_hours'
  | 'pr_time_to_first_review_hours'
  | 'pr_time_to_merge_hours'
  | 'review_request_turnaround_hours'
  | 'issue_time_to_first_response_hours';

type LatencyOption =
  | 'maxPrFirstResponseHours'
  | 'maxFirstReviewHours'
  | 'maxTimeToMergeHours'
  | 'maxReviewRequestTurnaroundHours'
  | 'maxIssueFirstResponseHours';

const latencyChecks: { check: string; metric: LatencyMetric; option: LatencyOption; label: string; action: string }[] = [
  {
    check: 'pr-first-response',
    metric: 'pr_time_to_first_response_hours',
    option: 'maxPrFirstResponseHours',
    label: 'time to first response on PRs',
    action: 'Acknowledge new PRs early, even briefly, and say in writing when a full review can happen.',
  },
  {
    check: 'pr-first-review',
    metric: 'pr_time_to_first_review_hours',
    option: 'maxFirstReviewHours',
    label: 'time to first review',
    action: 'Spread first reviews across time zones (a review rota) so no PR waits on one person being awake.',
  },
  {
    check: 'pr-merge',
    metric: 'pr_time_to_merge_hours',
    option: 'maxTimeToMergeHours',
    label: 'time to merge',
    action: 'Write down what a PR needs to merge and decide open questions on the PR rather than in meetings.',
  },
  {
    check: 'review-request-turnaround',
    metric: 'review_request_turnaround_hours',
    option: 'maxReviewRequestTurnaroundHours',
    label: 'review-request turnaround',
    action: 'Let requested reviewers decline or hand over in writing, and re-request from someone with time.',
  },
  {
    check: 'issue-first-response',
    metric: 'issue_time_to_first_response_hours',
    option: 'maxIssueFirstResponseHours',
    label: 'time to first response on issues',
    action: 'Triage new issues asynchronously with a rotating triager and templates that ask for what you need.',
  },
];

/** Judges response latencies and the review wait per area and for the repository, and the repository's unanswered items. */
export function evaluate(input: RuleInput, options: FeedbackLoopsOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  for (const scope of listScopes(input, 'all')) {
    for (const { check, metric, option, label, action } of latencyChecks) {
      const current: Distribution | null = scope.metrics[metric];
      if (!reporter.hasSample(scope.area, check, current?.n, options.minSamples)) continue;
      const p50 = current?.p50 ?? null;
      const limit = options[option];
      if (p50 === null || p50 <= limit) continue;
      reporter.fire({
        area: scope.area,
        title: `Median ${label} is ${formatHours(p50)}${formatArea(scope.area)}, over the ${formatHours(limit)} limit (n = ${current?.n})`,
        evidence: {
          metric,
          n: current?.n ?? 0,
          p50_hours: p50,
          p90_hours: current?.p90 ?? null,
          limit_hours: limit,
          previous_p50_hours: scope.previous[metric]?.p50 ?? null,
        },
        action,
      });
    }
  }
  for (const scope of listScopes(input, 'all')) {
    const wait = scope.metrics.pr_review_wait_hours;
    if (!reporter.hasSample(scope.area, 'review-wait', wait?.n, options.minSamples)) continue;
    const p50 = wait?.p50 ?? null;
    if (p50 === null || p50 <= options.maxReviewWaitHours) continue;
    const onAuthors = scope.metrics.prs_waiting_on_author;
    reporter.fire({
      area: scope.area,
      title:
        `${formatCount(wait?.n ?? 0, 'PR')}${formatArea(scope.area)} wait on reviewers, a median of ${formatHours(p50)}, ` +
        `over the ${formatHours(options.maxReviewWaitHours)} limit` +
        (onAuthors === null ? '' : `; ${onAuthors} wait on their authors`),
      evidence: {
        metric: 'pr_review_wait_hours',
        prs_waiting_on_reviewers: scope.metrics.prs_waiting_on_reviewers,
        prs_waiting_on_author: onAuthors,
        p50_hours: p50,
        p90_hours: wait?.p90 ?? null,
        limit_hours: options.maxReviewWaitHours,
        previous_p50_hours: scope.previous.pr_review_wait_hours?.p50 ?? null,
      },
      action: 'Review what is waiting on you before asking more of authors; name a reviewer for each PR whose turn it is.',
      ...itemsOf(input, scope.area, 'prs_waiting_on_reviewers'),
    });
  }
  const repository = input.repo.metrics;
  const unanswered = [
    { check: 'unanswered-prs', metric: 'unanswered_prs', count: repository.unanswered_prs, limit: options.maxUnansweredPrs, noun: 'open PR' },
    { check: 'unanswered-issues', metric: 'unanswered_issues', count: repository.unanswered_issues, limit: options.maxUnansweredIssues, noun: 'open issue' },
  ] as const;
  for (const { check, metric, count, limit, noun } of unanswered) {
    if (!reporter.hasSample(null, check, count, 0)) continue;
    if (count <= limit) continue;
    const { areas, counts } = listAreaCounts(input, metric);
    reporter.fire({
      area: null,
      title: `${formatCount(count, noun)} had no response within the SLA, over the limit of ${limit}`,
      evidence: { metric, count, limit, previous_count: input.repo.previous[metric], areas, area_counts: counts },
      ...itemsOf(input, null, metric),
      action: 'Answer each one asynchronously, even just to say when it will be looked at, or close it with a reason.',
    });
  }
  return reporter.result();
}
