import { itemsOf } from '../items-of.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatCount } from '../format-numbers.js';
import { listAreaCounts } from '../list-area-counts.js';
import { listScopes } from '../list-scopes.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { CompromiseOptions } from './config-schema.js';
import { metadata } from './metadata.js';

/** Judges merges over change requests and contested PRs for the repository, and each area's reviewer quorum. */
export function evaluate(input: RuleInput, options: CompromiseOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  const { metrics, previous } = input.repo;

  const overruled = metrics.merged_over_change_request;
  if (
    reporter.hasSample(null, 'merged-over-change-request', overruled, 0) &&
    overruled > options.maxMergedOverChangeRequest
  ) {
    const { areas, counts } = listAreaCounts(input, 'merged_over_change_request');
    reporter.fire({
      area: null,
      title: `${formatCount(overruled, 'PR')} merged while a reviewer still requested changes`,
      evidence: {
        merged_over_change_request: overruled,
        prs_merged: metrics.prs_merged,
        limit: options.maxMergedOverChangeRequest,
        previous_merged_over_change_request: previous.merged_over_change_request,
        areas,
        area_counts: counts,
      },
      ...itemsOf(input, null, 'merged_over_change_request'),
      action: 'Before merging over an objection, record on the PR how it was resolved or why it was overruled.',
    });
  }

  const contested = metrics.contested_prs;
  if (reporter.hasSample(null, 'contested-prs', contested, 0) && contested > options.maxContestedPrs) {
    const { areas, counts } = listAreaCounts(input, 'contested_prs');
    reporter.fire({
      area: null,
      title: `${formatCount(contested, 'open PR')} with both an approval and a change request, over the limit of ${options.maxContestedPrs}`,
      evidence: { contested_prs: contested, limit: options.maxContestedPrs, areas, area_counts: counts },
      ...itemsOf(input, null, 'contested_prs'),
      action: 'Bring the disagreement into writing (an issue or design doc) and let the area’s owners decide there.',
    });
  }

  for (const { area, metrics: scoped } of listScopes(input, 'areas')) {
    const active = scoped.active_reviewers;
    if (
      !reporter.hasSample(area, 'quorum', scoped.prs_started, options.minPrsStarted) ||
      !reporter.hasSample(area, 'quorum', active, 0) ||
      active >= options.minActiveReviewers
    ) {
      continue;
    }
    reporter.fire({
      area,
      title: `${formatCount(active, 'active reviewer')}${formatArea(area)}, fewer than the quorum of ${options.minActiveReviewers}`,
      evidence: { active_reviewers: active, prs_started: scoped.prs_started, quorum: options.minActiveReviewers },
      action: 'Name a second reviewer for the area so no single view decides every change.',
    });
  }
  return reporter.result();
}
