import { computeQuantile } from '../../metrics/distribution.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatCount, formatDecimal, formatPercent } from '../format-numbers.js';
import { listScopes } from '../list-scopes.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { StaffingOptions } from './config-schema.js';
import { metadata } from './metadata.js';

/** Compares staffing across areas and judges each area's reviewers and owners, and the owners coverage. */
export function evaluate(input: RuleInput, options: StaffingOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  const scopes = listScopes(input, 'areas');

  const workloads = scopes.flatMap((s) =>
    s.metrics.workload_per_active_reviewer === null ? [] : [{ area: s.area, workload: s.metrics.workload_per_active_reviewer }],
  );
  if (reporter.hasSample(null, 'demand-spread', workloads.length, options.minAreas)) {
    const median = computeQuantile(workloads.map((w) => w.workload).sort((a, b) => a - b), 0.5) ?? 0;
    for (const { area, workload } of workloads) {
      if (median <= 0 || workload <= options.maxDemandSpread * median) continue;
      reporter.fire({
        area,
        title: `${formatDecimal(workload)} size-weighted open PRs per active reviewer${formatArea(area)}, ${formatDecimal(workload / median)} times the median area’s ${formatDecimal(median)}`,
        evidence: {
          workload_per_active_reviewer: workload,
          median_area_workload: median,
          ratio: workload / median,
          areas_compared: workloads.length,
          limit: options.maxDemandSpread,
        },
        units: { limit: 'number' },
        action: 'Fund or mentor reviewers for this area; it may be one you rely on without knowing it.',
      });
    }
  }

  for (const { area, owners, metrics } of scopes) {
    const started = metrics.prs_started;
    if (!reporter.hasSample(area, 'bus-factor', started, options.minPrsStarted)) continue;
    const factor = metrics.reviewer_absence_factor;
    const active = metrics.active_reviewers;
    if (reporter.hasSample(area, 'no-active-reviewer', active, 0) && active === 0) {
      reporter.fire({
        area,
        title: `${formatCount(started, 'PR')} started${formatArea(area)} and nobody reviewed there in 90 days`,
        evidence: { prs_started: started, active_reviewers: 0, owners: owners.length },
        units: { owners: 'count' },
        action: 'Find at least one reviewer for this area, or say openly that it is unmaintained.',
      });
    } else if (
      reporter.hasSample(area, 'bus-factor', factor, 0) &&
      factor >= 1 &&
      factor < options.minAbsenceFactor
    ) {
      reporter.fire({
        area,
        title: `Bus factor ${factor}${formatArea(area)}: ${factor === 1 ? 'one reviewer does' : 'few reviewers do'} most of the reviewing`,
        evidence: {
          reviewer_absence_factor: factor,
          active_reviewers: active,
          top_reviewer_share: metrics.top_reviewer_share,
          prs_started: started,
          limit: options.minAbsenceFactor,
        },
        units: { limit: 'count' },
        action: 'Grow a second reviewer here before the only one becomes unavailable.',
      });
    }

    if (owners.length === 0) continue;
    const stale = metrics.stale_owners;
    if (stale === null) {
      reporter.lack(area, 'no-active-owner', 'no data', { owners: owners.length });
    } else if (owners.every((owner) => stale.includes(owner))) {
      reporter.fire({
        area,
        title: `All ${formatCount(owners.length, 'owner')}${formatArea(area)} inactive for a year`,
        evidence: { owners: [...owners].sort(), stale_owners: [...stale].sort(), prs_started: started },
        units: { owners: 'text' },
        action: 'Find an active owner for this area; the listed ones no longer answer.',
      });
    }
  }

  const coverage = input.repo.metrics.owners_file_coverage;
  if (reporter.hasSample(null, 'owners-coverage', coverage, 0) && coverage < options.minOwnersFileCoverage) {
    reporter.fire({
      area: null,
      title: `${formatPercent(coverage)} of the files have an owner, under ${formatPercent(options.minOwnersFileCoverage)}`,
      evidence: {
        owners_file_coverage: coverage,
        changed_files_coverage: input.repo.metrics.changed_files_coverage,
        limit: options.minOwnersFileCoverage,
      },
      units: { limit: 'share' },
      action: 'Declare owners (OWNERS, CODEOWNERS or `areas:`) for the unowned parts, starting with the busiest.',
    });
  }
  return reporter.result();
}

