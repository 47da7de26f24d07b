import { itemsOf } from '../items-of.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatArea, formatCount, formatDecimal, formatHours, formatPercent } from '../format-numbers.js';
import { listAreaCounts } from '../list-area-counts.js';
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
        units: { limit: 'share' },
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
            units: { limit: 'number' },
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
          units: { limit: 'share' },
          ...itemsOf(input, area, 'abandoned_first_prs'),
          action: 'Answer every first PR, even with a no and a reason; a silent close loses the contributor.',
        });
      }
    }
  }
  evaluateClosedByBot(input, options, reporter);
  return reporter.result();
}

/**
 * Items a bot closed before anyone answered, repository-wide with the areas they are in: the first PRs among them
 * lead the title, and the advice is to exempt unanswered items from the stale lifecycle.
 */
function evaluateClosedByBot(input: RuleInput, options: OnboardingOptions, reporter: ReturnType<typeof createRuleReporter>): void {
  const { metrics, previous } = input.repo;
  const prs = metrics.prs_closed_by_bot_unanswered;
  const issues = metrics.issues_closed_by_bot_unanswered;
  if (!reporter.hasSample(null, 'closed-by-bot', prs, 0) || !reporter.hasSample(null, 'closed-by-bot', issues, 0)) return;
  if (prs + issues <= options.maxClosedByBotUnanswered) return;
  const firstPrs = metrics.first_prs_closed_by_bot_unanswered ?? 0;
  const all = `${formatCount(prs, 'PR')} and ${formatCount(issues, 'issue')}`;
  const { areas, counts } = listAreaCounts(input, 'prs_closed_by_bot_unanswered');
  reporter.fire({
    area: null,
    title:
      firstPrs > 0
        ? `${formatCount(firstPrs, 'first PR')} ${firstPrs === 1 ? 'was' : 'were'} closed by a bot before anyone answered (${all} in all)`
        : `${all} were closed by a bot before anyone answered`,
    evidence: {
      first_prs_closed_by_bot_unanswered: metrics.first_prs_closed_by_bot_unanswered,
      prs_closed_by_bot_unanswered: prs,
      issues_closed_by_bot_unanswered: issues,
      limit: options.maxClosedByBotUnanswered,
      previous_prs_closed_by_bot_unanswered: previous.prs_closed_by_bot_unanswered,
      areas,
      area_counts: counts,
    },
    units: { limit: 'count' },
    action:
      'Exempt items nobody has answered yet from the stale lifecycle (an exempt label until a first response) and ' +
      'answer them; a bot closing a first PR nobody looked at loses the contributor.',
    ...(input.listItems
      ? {
          items: [
            ...(itemsOf(input, null, 'prs_closed_by_bot_unanswered').items ?? []),
            ...(itemsOf(input, null, 'issues_closed_by_bot_unanswered').items ?? []),
          ],
        }
      : {}),
  });
}
