import type { RepositoryFigures } from '../metrics/repository-figures.js';
import type { AreaMetrics, Finding, InsufficientData } from '../rules/types.js';
import type { SuggestedReviewer } from './suggest-reviewers.js';

/** A problem in the repository's `.github/fallacy-watch.yml`, shown in the check run (and annotated when it has a line). */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  /** Repository-relative file, e.g. `.github/fallacy-watch.yml`. */
  path?: string;
  /** 1-based line. */
  line?: number;
}

/** Everything the "Community health" check run shows for one pull request head commit. */
export interface CheckRunView {
  /** `owner/name` */
  repository: string;
  pullRequest: { number: number; author: string };
  /** The repository's figures, shown next to each area's. */
  repo: RepositoryFigures;
  /** The areas the pull request touches, with their current metrics. */
  areas: AreaMetrics[];
  /**
   * Findings that concern this pull request: those of the areas it touches and the risks in its own changes.
   * Repository-wide findings stay in the weekly digest.
   */
  findings: Finding[];
  /** What the rules could not judge in the touched areas (too few samples), so silence is not read as health. */
  notJudged: InsufficientData[];
  /** The pull request's own situation: a first contribution, a contested review. */
  own: { firstContribution: boolean; contestedReview: { approvedBy: string[]; changesRequestedBy: string[] } | null };
  /** A link listing the weekly digest issues, newest first (repository-wide findings live there). */
  digestsUrl: string;
  /** At most 3; plain names, never mentions. */
  suggestedReviewers: SuggestedReviewer[];
  /** Rule ids or severities (`error`, `warning`, `info`) whose findings make the check fail. */
  failOn: string[];
  configProblems: ConfigProblem[];
}
