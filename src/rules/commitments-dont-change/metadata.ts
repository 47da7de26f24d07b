import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 4 (Deutsch's "topology doesn't change"): with enough users, every behaviour is depended on (Hyrum's law). */
export const metadata: RuleMetadata = {
  id: 'commitments-dont-change',
  fallacy: 4,
  title: "Commitments don't change",
  short: 'commitments',
  summary:
    'Measures how often what users rely on changes: breaking, API-change and deprecation merges, regression issues ' +
    'opened, and owners who have gone quiet for a year while still listed.',
  reality: "If you use a project in unique ways, contribute your feedback and your skill (Hyrum's law)",
  checks: {
    'breaking-changes': 'PRs with a breaking-change label merged in the window.',
    regressions: 'Issues with a regression label opened in the window.',
    'stale-owners': 'Owners with no review, comment or PR in the repository for 365 days.',
  },
  evidenceUnits: {
    breaking_changes_merged: 'count',
    previous_breaking_changes_merged: 'count',
    regressions_opened: 'count',
    previous_regressions_opened: 'count',
    reverts_merged: 'count',
    limit: 'count',
    areas: 'text',
    area_counts: 'count',
    stale_owners: 'text',
    owners: 'count',
  },
};
