/** The `report --org --json` contract (`schema: "fallacy-watch/org-report@1"`), see `shared/spec/fallacies.md`. */
import type { MetricSet } from '../../metrics/types.js';
import type { Finding, ReviewerLoad } from '../../rules/types.js';
import type { OrgAreaPart } from './collect-org-areas.js';
import type { LeftOutRepository } from './select-org-repositories.js';

export interface OrgReport {
  schema: 'fallacy-watch/org-report@1';
  /** The organisation (or user) login the repositories belong to. */
  organization: string;
  /** ISO time the report describes (the window's end). */
  generated_at: string;
  window: { from: string; to: string; previous_from: string };
  /**
   * Every repository's items pooled: counts summed, distributions over all items together, first PRs and reviewer
   * loads across repositories. Release and owners metrics are per repository only (`null` here): intervals between
   * different repositories' releases, or one owners file coverage for many trees, mean nothing.
   */
  org: { metrics: MetricSet; previous: MetricSet };
  /** Each repository's own report@1 `repo` metrics, by name. */
  repositories: OrgRepositoryEntry[];
  /** Repositories of the organisation the report leaves out (archived, forks), unless its config includes them. */
  left_out: LeftOutRepository[];
  /** Areas of the same name across repositories, pooled as `org` is. */
  areas: OrgAreaEntry[];
  /** Reviewer loads summed across repositories, with how many repositories each reviewer's load comes from. */
  reviewers: OrgReviewerLoad[];
  /** Organisation-wide findings (`repository: null`) first, then each repository's own. */
  findings: OrgFinding[];
}

export interface OrgRepositoryEntry {
  repository: string;
  metrics: MetricSet;
  previous: MetricSet;
  /** How many findings the repository's own report has. */
  findings: number;
  /** Whether its default branch's supply chain was read (the digest reads it from GitHub; the CLI cannot). */
  supply_chain_analysed: boolean;
}

export interface OrgAreaEntry {
  area: string;
  /** The repositories the area has items in, by name. */
  repositories: string[];
  /**
   * Where its items come from: parts declared in the organisation config (`source: "org-config"`, with their paths)
   * and repositories' own areas of the name (`source`: `owners`, `labels`, `codeowners`, `config`), so a repository
   * that both declares and is declared shows both.
   */
  parts: OrgAreaPart[];
  /** Repositories the organisation config names for the area that the store does not hold. */
  missing_repositories: string[];
  metrics: MetricSet;
  previous: MetricSet;
}

export interface OrgReviewerLoad extends ReviewerLoad {
  repositories: number;
}

export interface OrgFinding extends Finding {
  /** The repository the finding is about; `null` for an organisation-wide finding. */
  repository: string | null;
}
