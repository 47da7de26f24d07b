import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 3 (Deutsch's "bandwidth is infinite"): ignoring a bandwidth limit makes a bottleneck. */
export const metadata: RuleMetadata = {
  id: 'maintainer-bandwidth-is-infinite',
  fallacy: 3,
  title: 'Maintainer bandwidth is infinite',
  short: 'maintainer bandwidth',
  summary:
    'Measures how review work is spread: one reviewer holding most of an area’s reviews, open size-weighted PRs per ' +
    'active reviewer, and reviewers with a pile of pending review requests. Marks overload that lasts two windows ' +
    'as sustained.',
  reality: 'Be extra empathetic and help maintainers help you',
  checks: {
    'review-concentration': 'Share of the area’s reviews (90 days) held by its busiest reviewer.',
    'workload-per-reviewer': 'Open PRs weighted by size, per active reviewer.',
    'open-review-requests': 'Pending review requests per reviewer.',
  },
  evidenceUnits: {
    top_reviewer_share: 'share',
    previous_top_reviewer_share: 'share',
    active_reviewers: 'count',
    reviewer_absence_factor: 'count',
    workload_per_active_reviewer: 'number',
    previous_workload_per_active_reviewer: 'number',
    sustained: 'flag',
    reviewers: 'text',
    open_review_requests: 'count',
  },
};
