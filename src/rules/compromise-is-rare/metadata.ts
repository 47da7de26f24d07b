import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 6 (Deutsch's "there is one administrator"): maintainers have differing visions, and that is normal. */
export const metadata: RuleMetadata = {
  id: 'compromise-is-rare',
  fallacy: 6,
  title: 'Compromise is a rarity and not the norm',
  short: 'compromise',
  summary:
    'Measures disagreement and how it is settled: PRs merged while a reviewer still requested changes, open PRs ' +
    'where one reviewer approves and another requests changes, and areas without a quorum of two active reviewers.',
  reality: 'Take into account maintainer incoherencies',
  checks: {
    'merged-over-change-request': 'PRs merged in the window while a reviewer’s latest review requested changes.',
    'contested-prs': 'Open PRs where one reviewer approves and another requests changes.',
    quorum: 'Active reviewers (90 days) in an area that receives PRs.',
  },
  evidenceUnits: {
    merged_over_change_request: 'count',
    previous_merged_over_change_request: 'count',
    prs_merged: 'count',
    contested_prs: 'count',
    limit: 'count',
    areas: 'text',
    area_counts: 'count',
    active_reviewers: 'count',
    prs_started: 'count',
    quorum: 'count',
  },
};
