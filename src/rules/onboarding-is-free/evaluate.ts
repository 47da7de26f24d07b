import { itemsOf } from '../items-of.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatDecimal, formatHours, formatPercent } from '../format-numbers.js';
import { listScopes } from '../list-scopes.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { OnboardingOptions } from './config-schema.js';
import { metadata } from './metadata.js';

/** A median first response under this many hours is compared as this, so a 0 h median does not divide by zero. */
const RESPONSE_FLOOR_HOURS = 1;

/**
 * Why a newcomer metric is `null`: the store's history cannot tell whether some author's first stored PR was their
 * first in the repository (see `tellFirstPullRequest`).
 */
export const HISTORY_TOO_SHORT = 'history too short: some first PRs may not be their authors’ first in the repository';

/** Judges the returning rate, newcomers' wait and abandoned first PRs, per area and for the repository. */
export function evaluate(input: RuleInput, options: OnboardingOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  for (const { area, metrics, previous } of listScopes(input, 'all')) {
    const known = (check: string, value: unknown, minimum: number) => {
      if (value === null) reporter.lack(area, check, HISTORY_TOO_SHORT, { n: null, minimum });
      return value !== null;
    };
    const returning = metrics.returning_contributor_rate_90d;
    if (
      known('returning-rate', returning, options.minCohort) &&
      reporter.hasSample(area, 'returning-rate', returning?.cohort, options.minCohort) &&
      returning !== null &&
      returning.rate !== null &&
      returning.rate < options.minReturningRate
    ) {
      reporter.fire({
        area,
        title: `${returning.returned} of ${returning.cohort} first-time contributors${formatArea(area)} came back within 90 days (${formatPercent(returning.rate)}), under ${formatPercent(options.minReturningRate)}`,
        evidence: {
          cohort: returning.cohort,
          returned: returning.returned,
          rate: returning.rate,
          limit: options.minReturningRate,
          previous_rate: previous.returning_contributor_rate_90d?.rate ?? null,
        },
        action: 'Offer returning newcomers a clear next step (a good second issue, a mentor) before recruiting more.',
      });
    }

    const newcomer = metrics.newcomer_pr_time_to_first_response_hours;
    const everyone = metrics.pr_time_to_first_response_hours;
    if (
      known('newcomer-response', newcomer, options.minNewcomerSamples) &&
      reporter.hasSample(area, 'newcomer-response', newcomer?.n, options.minNewcomerSamples) &&
      reporter.hasSample(area, 'newcomer-response', everyone?.n, options.minNewcomerSamples)
    ) {
      const newcomerP50 = newcomer?.p50 ?? null;
      const everyoneP50 = everyone?.p50 ?? null;
      if (newcomerP50 !== null && everyoneP50 !== null) {
        const ratio = newcomerP50 / Math.max(everyoneP50, RESPONSE_FLOOR_HOURS);
        if (ratio > options.maxNewcomerResponseRatio) {
          reporter.fire({
            area,
            title: `First PRs${formatArea(area)} wait ${formatDecimal(ratio)} times as long for a first response (${formatHours(newcomerP50)} against ${formatHours(everyoneP50)})`,
            evidence: {
              newcomer_p50_hours: newcomerP50,
              newcomer_n: newcomer?.n ?? 0,
              all_p50_hours: everyoneP50,
              all_n: everyone?.n ?? 0,
              ratio,
              limit: options.maxNewcomerResponseRatio,
            },
            action: 'Route first PRs to a triage rota so newcomers hear back as quickly as regulars do.',
          });
        }
      }
    }

    const firstTimers = metrics.first_time_contributors;
    const abandoned = metrics.abandoned_first_prs;
    if (
      known('abandoned-first-prs', firstTimers === null ? null : abandoned, options.minFirstTimeContributors) &&
      reporter.hasSample(area, 'abandoned-first-prs', firstTimers, options.minFirstTimeContributors) &&
      reporter.hasSample(area, 'abandoned-first-prs', abandoned, 0)
    ) {
      const share = abandoned / firstTimers;
      if (share > options.maxAbandonedFirstPrShare) {
        reporter.fire({
          area,
          title: `${abandoned} first PRs${formatArea(area)} closed without any response, against ${firstTimers} first-time contributors (${formatPercent(share)})`,
          evidence: {
            abandoned_first_prs: abandoned,
            first_time_contributors: firstTimers,
            share,
            limit: options.maxAbandonedFirstPrShare,
          },
          ...itemsOf(input, area, 'abandoned_first_prs'),
          action: 'Answer every first PR, even with a no and a reason; a silent close loses the contributor.',
        });
      }
    }
  }
  return reporter.result();
}
