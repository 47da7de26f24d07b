import { itemsOf } from '../items-of.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatCount } from '../format-numbers.js';
import { listAreaCounts } from '../list-area-counts.js';
import { listScopes } from '../list-scopes.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { CommitmentsOptions } from './config-schema.js';
import { metadata } from './metadata.js';

/** Judges breaking changes and regressions for the repository, and stale owners per area. */
export function evaluate(input: RuleInput, options: CommitmentsOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  const { metrics, previous } = input.repo;

  const breaking = metrics.breaking_changes_merged;
  if (reporter.hasSample(null, 'breaking-changes', breaking, 0) && breaking > options.maxBreakingChangesMerged) {
    const { areas, counts } = listAreaCounts(input, 'breaking_changes_merged');
    reporter.fire({
      area: null,
      title: `${formatCount(breaking, 'breaking change')} merged in the window`,
      evidence: {
        breaking_changes_merged: breaking,
        limit: options.maxBreakingChangesMerged,
        previous_breaking_changes_merged: previous.breaking_changes_merged,
        areas,
        area_counts: counts,
      },
      ...itemsOf(input, null, 'breaking_changes_merged'),
      action: 'Announce each one with a migration path, and ask users who rely on the old behaviour to say so.',
    });
  }

  const regressions = metrics.regressions_opened;
  if (reporter.hasSample(null, 'regressions', regressions, 0) && regressions > options.maxRegressionsOpened) {
    const { areas, counts } = listAreaCounts(input, 'regressions_opened');
    reporter.fire({
      area: null,
      title: `${formatCount(regressions, 'regression')} reported in the window, over the limit of ${options.maxRegressionsOpened}`,
      evidence: {
        regressions_opened: regressions,
        limit: options.maxRegressionsOpened,
        previous_regressions_opened: previous.regressions_opened,
        reverts_merged: metrics.reverts_merged,
        areas,
        area_counts: counts,
      },
      ...itemsOf(input, null, 'regressions_opened'),
      action: 'Ask reporters for the use that broke and turn it into a test; invite them to help with the fix.',
    });
  }

  for (const { area, owners, metrics: scoped } of listScopes(input, 'areas')) {
    const stale = scoped.stale_owners;
    if (stale === null) {
      reporter.lack(area, 'stale-owners', 'no data', { owners: owners.length });
      continue;
    }
    if (stale.length <= options.maxStaleOwners) continue;
    reporter.fire({
      area,
      title: `${formatCount(stale.length, 'owner')}${formatArea(area)} inactive for a year`,
      evidence: { stale_owners: [...stale].sort(), owners: owners.length, limit: options.maxStaleOwners },
      ...itemsOf(input, area, 'stale_owners'),
      action: 'Thank them and move them to emeritus, so contributors know whom they can actually ask.',
    });
  }
  return reporter.result();
}
