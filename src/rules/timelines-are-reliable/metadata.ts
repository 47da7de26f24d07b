import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 1 (Deutsch's "the network is reliable"): anything that can go wrong with a release will. */
export const metadata: RuleMetadata = {
  id: 'timelines-are-reliable',
  fallacy: 1,
  title: 'Timelines are reliable',
  short: 'timelines',
  summary:
    'Measures whether the repository keeps its dates: open milestones past their due date, open release blockers, ' +
    'how late closed milestones closed, how overdue the next release is against the usual release interval, and the share of ' +
    'merges that were reverts.',
  reality: 'Timelines are optimistic',
  checks: {
    'overdue-milestones': 'Open milestones past their due date.',
    'release-blockers': 'Open issues and PRs labelled as blocking the next release.',
    'milestone-slip': 'Median days closed milestones closed after their due date.',
    'release-cadence': 'Days since the last release against the median interval between releases.',
    'revert-share': 'Reverts as a share of the PRs merged in the window.',
  },
  evidenceUnits: {
    overdue_milestones: 'count',
    open_release_blockers: 'count',
    previous_open_release_blockers: 'count',
    limit: 'count',
    n: 'count',
    slip_p50_days: 'days',
    slip_p90_days: 'days',
    limit_days: 'days',
    days_since_last_release: 'days',
    release_interval_p50_days: 'days',
    release_intervals: 'count',
    max_delay_factor: 'number',
    reverts_merged: 'count',
    previous_reverts_merged: 'count',
    prs_merged: 'count',
    revert_share: 'share',
  },
};
