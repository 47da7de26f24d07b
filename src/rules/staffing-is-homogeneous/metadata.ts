import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 8 (Deutsch's "the network is homogeneous"): areas are not staffed in proportion to their load. */
export const metadata: RuleMetadata = {
  id: 'staffing-is-homogeneous',
  fallacy: 8,
  title: 'Staffing across project areas is homogeneous',
  short: 'staffing',
  summary:
    'Compares areas: demand per active reviewer far above the other areas’, areas where one reviewer does most of ' +
    'the reviewing (bus factor 1), areas whose listed owners are all inactive, areas with PRs and no reviewer, and ' +
    'how much of the repository has an owner at all.',
  reality: 'Critical areas are the ones that are often understaffed',
  checks: {
    'demand-spread': 'An area’s size-weighted open PRs per active reviewer against the median area’s.',
    'bus-factor': 'Fewest reviewers who together did more than half of an area’s reviews (CHAOSS absence factor).',
    'no-active-owner': 'Areas whose listed owners have all been inactive for 365 days.',
    'no-active-reviewer': 'Areas receiving PRs with no review in 90 days.',
    'owners-coverage': 'Share of the repository’s files with at least one owner.',
  },
  evidenceUnits: {
    workload_per_active_reviewer: 'number',
    median_area_workload: 'number',
    ratio: 'number',
    areas_compared: 'count',
    prs_started: 'count',
    active_reviewers: 'count',
    reviewer_absence_factor: 'count',
    top_reviewer_share: 'share',
    stale_owners: 'text',
    owners_file_coverage: 'share',
    changed_files_coverage: 'share',
  },
};
