import { compareText } from '../compare-text.js';
import { searchUrl } from '../../metrics/item-urls.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatCount, formatDecimal, formatPercent } from '../format-numbers.js';
import { listScopes } from '../list-scopes.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { BandwidthOptions } from './config-schema.js';
import { metadata } from './metadata.js';

/** Judges review concentration and workload per area, and pending review requests per reviewer. */
export function evaluate(input: RuleInput, options: BandwidthOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  for (const { area, metrics, previous } of listScopes(input, 'all')) {
    const share = metrics.top_reviewer_share;
    const active = metrics.active_reviewers;
    if (
      reporter.hasSample(area, 'review-concentration', active, options.minActiveReviewers) &&
      reporter.hasSample(area, 'review-concentration', metrics.prs_merged, options.minMergedPrs) &&
      reporter.hasSample(area, 'review-concentration', share, 0) &&
      share > options.maxTopReviewerShare
    ) {
      reporter.fire({
        area,
        title: `One reviewer holds ${formatPercent(share)} of the reviews${formatArea(area)} (90 days), over the ${formatPercent(options.maxTopReviewerShare)} limit`,
        evidence: {
          top_reviewer_share: share,
          active_reviewers: active,
          reviewer_absence_factor: metrics.reviewer_absence_factor,
          limit: options.maxTopReviewerShare,
          previous_top_reviewer_share: previous.top_reviewer_share,
        },
        units: { limit: 'share' },
        action: 'Ask the other reviewers to take first reviews, and help them gain the context to do so.',
      });
    }

    const workload = metrics.workload_per_active_reviewer;
    if (
      reporter.hasSample(area, 'workload-per-reviewer', workload, 0) &&
      workload > options.maxWorkloadPerActiveReviewer
    ) {
      const previousWorkload = previous.workload_per_active_reviewer;
      const sustained = previousWorkload !== null && previousWorkload > options.maxWorkloadPerActiveReviewer;
      reporter.fire({
        area,
        title: `${formatDecimal(workload)} size-weighted open PRs per active reviewer${formatArea(area)}${sustained ? ' for two windows running' : ''}, over the limit of ${options.maxWorkloadPerActiveReviewer}`,
        evidence: {
          workload_per_active_reviewer: workload,
          active_reviewers: active,
          limit: options.maxWorkloadPerActiveReviewer,
          previous_workload_per_active_reviewer: previousWorkload,
          sustained,
        },
        units: { limit: 'number' },
        action: 'Keep PRs small and self-explanatory, review each other’s PRs first, and grow more reviewers.',
      });
    }
  }

  const overloaded = input.reviewers
    .filter((r) => r.open_review_requests > options.maxOpenReviewRequests)
    .sort((a, b) => b.open_review_requests - a.open_review_requests || compareText(a.login, b.login));
  if (overloaded.length > 0) {
    reporter.fire({
      area: null,
      title: `${formatCount(overloaded.length, 'reviewer')} with more than ${options.maxOpenReviewRequests} pending review requests each`,
      evidence: {
        reviewers: overloaded.map((r) => r.login),
        open_review_requests: overloaded.map((r) => r.open_review_requests),
        limit: options.maxOpenReviewRequests,
      },
      units: { limit: 'count' },
      items: overloaded.map((r) => ({
        kind: 'user' as const,
        login: r.login,
        url: searchUrl(input.repository, `is:pr is:open review-requested:${r.login}`),
        count: r.open_review_requests,
      })),
      action: 'Re-request reviews from people with time, and let overloaded reviewers step back without guilt.',
    });
  }
  return reporter.result();
}
