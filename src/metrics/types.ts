/**
 * The metric contract: JSON names exactly as in the product spec (`shared/spec/fallacies.md`).
 * Every field is `null` when the data it needs is missing — never a made-up zero.
 */

/** A latency distribution in hours (or days where the name says so). `p50`/`p90` are `null` when `n == 0`. */
export interface Distribution {
  n: number;
  p50: number | null;
  p90: number | null;
}

export interface ReturningRate {
  cohort: number;
  returned: number;
  /** `returned / cohort`; `null` for an empty cohort. */
  rate: number | null;
}

export interface ReleaseInterval {
  n: number;
  p50: number | null;
  last: number | null;
}

/** One metric set, for the repository or for one area, over one window. */
export interface MetricSet {
  pr_time_to_first_response_hours: Distribution | null;
  pr_time_to_first_review_hours: Distribution | null;
  pr_time_to_merge_hours: Distribution | null;
  review_request_turnaround_hours: Distribution | null;
  issue_time_to_first_response_hours: Distribution | null;
  unanswered_prs: number | null;
  unanswered_issues: number | null;
  prs_started: number | null;
  prs_merged: number | null;
  issues_opened: number | null;
  /** Total pending user review requests at `to` (per reviewer in the report's `reviewers[]`). */
  open_review_requests: number | null;
  active_reviewers: number | null;
  top_reviewer_share: number | null;
  reviewer_absence_factor: number | null;
  workload_per_active_reviewer: number | null;
  first_time_contributors: number | null;
  newcomer_pr_time_to_first_response_hours: Distribution | null;
  returning_contributor_rate_90d: ReturningRate | null;
  abandoned_first_prs: number | null;
  owners_file_coverage: number | null;
  changed_files_coverage: number | null;
  owner_review_coverage: number | null;
  stale_owners: string[] | null;
  contested_prs: number | null;
  merged_over_change_request: number | null;
  overdue_milestones: number | null;
  open_release_blockers: number | null;
  milestone_slip_days: Distribution | null;
  release_interval_days: ReleaseInterval | null;
  days_since_last_release: number | null;
  breaking_changes_merged: number | null;
  reverts_merged: number | null;
  regressions_opened: number | null;
  /** Open, non-draft PRs at `to` whose turn is their reviewers' (spec, "Responses and whose turn"). */
  prs_waiting_on_reviewers: number | null;
  /** Open, non-draft PRs at `to` waiting on their author after a change request. */
  prs_waiting_on_author: number | null;
  /** Hours since the PRs waiting on reviewers at `to` last started waiting. */
  pr_review_wait_hours: Distribution | null;
  /** PRs closed in the window by a bot with no human response. */
  prs_closed_by_bot_unanswered: number | null;
  /** The first PRs among `prs_closed_by_bot_unanswered` (additive to the spec, for the onboarding rule). */
  first_prs_closed_by_bot_unanswered: number | null;
  /** Issues closed in the window by a bot with no human response. */
  issues_closed_by_bot_unanswered: number | null;
}

export type MetricName = keyof MetricSet;

/** `[from, to)` and the previous window of the same length right before it. */
export interface Window {
  from: Date;
  to: Date;
  previousFrom: Date;
}

/** What a listed item is: a pull request, an issue, a milestone, or a person (by login). */
export type ReportItemKind = 'pull_request' | 'issue' | 'milestone' | 'user';

/**
 * One countable thing behind a finding (report@1 `findings[].items[]`): the PR, issue, milestone or person it
 * counted, with a link. Optional fields are present where they date or weigh the item; none is ever made up.
 */
export interface ReportItem {
  kind: ReportItemKind;
  /** PR, issue or milestone number. */
  number?: number;
  /** A person's login (never rendered as a mention). */
  login?: string;
  /** `owner/name` of the PR, issue or milestone, in an organisation report (org-report@1), where numbers repeat across repositories. */
  repository?: string;
  /** Where to see it on GitHub. */
  url: string;
  title?: string;
  /** How long it has waited for a response at the report's time, in the report's clock hours. */
  waiting_hours?: number;
  /** When it was opened, merged, closed or due, as the list says (ISO). */
  at?: string;
  /** What `at` is: `opened`, `merged`, `closed`, `due` or `last active`. */
  at_label?: 'opened' | 'merged' | 'closed' | 'due' | 'last active';
  /** A count the item carries, e.g. a reviewer's open review requests. */
  count?: number;
}
