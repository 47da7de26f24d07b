import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 2 (Deutsch's "latency is zero"): maintainers across six continents cannot answer at once. */
export const metadata: RuleMetadata = {
  id: 'feedback-loops-are-tight',
  fallacy: 2,
  title: 'Feedback loops are tight',
  short: 'feedback loops',
  summary:
    'Measures how long contributors wait: median time to first response, first review and merge on pull requests, ' +
    'review-request turnaround and issue response time, how long open PRs have waited on their reviewers (against ' +
    'those waiting on their authors), per area and for the repository, and the items left unanswered past the SLA. ' +
    'Slash commands such as `/retest` are no response; `/lgtm` and `/approve` are reviews (config `responses`).',
  reality: 'Prefer communicating asynchronously; decide lazily, in writing',
  checks: {
    'pr-first-response': 'Median time from a PR start to its first response by a human who is not the author.',
    'pr-first-review': 'Median time from a PR start to its first submitted review.',
    'pr-merge': 'Median time from a PR start to its merge.',
    'review-request-turnaround': 'Median time from a review request to that reviewer’s first review or comment.',
    'review-wait':
      'Median wait of the open PRs whose turn is their reviewers’ (not their author’s after a change request), with both sides counted.',
    'issue-first-response': 'Median time from an issue’s creation to its first response.',
    'unanswered-prs': 'Open PRs with no response, older than `slaHours`.',
    'unanswered-issues': 'Open issues with no response, older than `slaHours`.',
  },
  evidenceUnits: {
    metric: 'text',
    n: 'count',
    p50_hours: 'hours',
    p90_hours: 'hours',
    limit_hours: 'hours',
    previous_p50_hours: 'hours',
    prs_waiting_on_reviewers: 'count',
    prs_waiting_on_author: 'count',
    count: 'count',
    limit: 'count',
    previous_count: 'count',
    areas: 'text',
    area_counts: 'count',
  },
};
