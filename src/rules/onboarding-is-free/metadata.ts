import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 7 (Deutsch's "transport cost is zero"): onboarding has a hidden cost that must be budgeted. */
export const metadata: RuleMetadata = {
  id: 'onboarding-is-free',
  fallacy: 7,
  title: 'Cost of sustainably onboarding contributors is zero',
  short: 'onboarding',
  summary:
    'Measures what happens to newcomers: how many first-time contributors come back with a second PR within 90 ' +
    'days, how much longer their first PRs wait for a response than everyone’s, how many first PRs are closed ' +
    'without ever getting a response, and how many PRs and issues a stale bot closed before anyone answered.',
  reality: 'With large communities, spend efforts on growing existing folks',
  checks: {
    'returning-rate': 'Share of a 90-day-old cohort of first-time contributors who opened a second PR.',
    'newcomer-response': 'Median first response on first PRs against the median on all PRs.',
    'abandoned-first-prs': 'First PRs closed unmerged with no response, against the first-time contributors.',
    'closed-by-bot':
      'PRs and issues a bot closed (the closing actor) before any human answered, naming the first PRs among them.',
  },
  evidenceUnits: {
    cohort: 'count',
    returned: 'count',
    rate: 'share',
    previous_rate: 'share',
    newcomer_p50_hours: 'hours',
    newcomer_n: 'count',
    all_p50_hours: 'hours',
    all_n: 'count',
    ratio: 'number',
    abandoned_first_prs: 'count',
    first_time_contributors: 'count',
    share: 'share',
    first_prs_closed_by_bot_unanswered: 'count',
    prs_closed_by_bot_unanswered: 'count',
    previous_prs_closed_by_bot_unanswered: 'count',
    issues_closed_by_bot_unanswered: 'count',
    areas: 'text',
    area_counts: 'count',
  },
};
