import { itemsOf } from '../items-of.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatCount, formatDecimal, formatPercent } from '../format-numbers.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { TimelinesOptions } from './config-schema.js';
import { metadata } from './metadata.js';

/** Judges milestones, release blockers, release cadence and reverts; all repository-wide, as releases are. */
export function evaluate(input: RuleInput, options: TimelinesOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  const { metrics, previous } = input.repo;

  const overdue = metrics.overdue_milestones;
  if (reporter.hasSample(null, 'overdue-milestones', overdue, 0) && overdue > options.maxOverdueMilestones) {
    reporter.fire({
      area: null,
      title: `${formatCount(overdue, 'open milestone')} past the due date`,
      evidence: { overdue_milestones: overdue, limit: options.maxOverdueMilestones },
      ...itemsOf(input, null, 'overdue_milestones'),
      action: 'Move the due date or the unfinished items, and say so in writing where users look for the plan.',
    });
  }

  const blockers = metrics.open_release_blockers;
  if (reporter.hasSample(null, 'release-blockers', blockers, 0) && blockers > options.maxOpenReleaseBlockers) {
    reporter.fire({
      area: null,
      title: formatCount(blockers, 'open release blocker'),
      evidence: {
        open_release_blockers: blockers,
        limit: options.maxOpenReleaseBlockers,
        previous_open_release_blockers: previous.open_release_blockers,
      },
      ...itemsOf(input, null, 'open_release_blockers'),
      action: 'Give each blocker an owner and a date, or move it out of the release, and say which in the release plan.',
    });
  }

  const slip = metrics.milestone_slip_days;
  if (reporter.hasSample(null, 'milestone-slip', slip?.n, options.minClosedMilestones)) {
    const p50 = slip?.p50 ?? null;
    if (p50 !== null && p50 > options.maxMilestoneSlipDays) {
      reporter.fire({
        area: null,
        title: `Milestones closed a median of ${formatDecimal(p50)} days late, over the ${options.maxMilestoneSlipDays}-day limit (n = ${slip?.n})`,
        evidence: {
          n: slip?.n ?? 0,
          slip_p50_days: p50,
          slip_p90_days: slip?.p90 ?? null,
          limit_days: options.maxMilestoneSlipDays,
        },
        action: 'Plan with the slip you measure: set milestone dates with this margin, or scope milestones smaller.',
      });
    }
  }

  const interval = metrics.release_interval_days;
  const sinceLast = metrics.days_since_last_release;
  if (reporter.hasSample(null, 'release-cadence', interval?.n, options.minReleaseIntervals)) {
    const p50 = interval?.p50 ?? null;
    if (p50 !== null && sinceLast !== null && sinceLast > options.maxReleaseDelayFactor * p50) {
      reporter.fire({
        area: null,
        title: `${formatDecimal(sinceLast)} days since the last release, against a median interval of ${formatDecimal(p50)} days`,
        evidence: {
          days_since_last_release: sinceLast,
          release_interval_p50_days: p50,
          release_intervals: interval?.n ?? 0,
          max_delay_factor: options.maxReleaseDelayFactor,
        },
        action: 'Tell users what holds the release back and when to expect it; consider releasing what is ready.',
      });
    }
  }

  const merged = metrics.prs_merged;
  const reverts = metrics.reverts_merged;
  if (
    reporter.hasSample(null, 'revert-share', merged, options.minMergedPrs) &&
    reporter.hasSample(null, 'revert-share', reverts, 0)
  ) {
    const share = reverts / merged;
    if (share > options.maxRevertShare) {
      reporter.fire({
        area: null,
        title: `${formatCount(reverts, 'revert')} among ${merged} merged PRs (${formatPercent(share)}), over the ${formatPercent(options.maxRevertShare)} limit`,
        evidence: {
          reverts_merged: reverts,
          prs_merged: merged,
          revert_share: share,
          limit: options.maxRevertShare,
          previous_reverts_merged: previous.reverts_merged,
        },
        units: { limit: 'share' },
        ...itemsOf(input, null, 'reverts_merged'),
        action: 'Not every merge has the same quality: leave room in the release plan for reverts and their fixes.',
      });
    }
  }
  return reporter.result();
}
