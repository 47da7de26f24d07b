import type { MetricSet } from '../metrics/types.js';
import type { AreaMetrics, Finding } from '../rules/types.js';
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
  /** The repository's metrics, shown next to each area's. */
  repo: MetricSet;
  /** The areas the pull request touches, with their current metrics. */
  areas: AreaMetrics[];
  /** Findings that concern this pull request: its areas, the repository, and risks in its own changes. */
  findings: Finding[];
  /** At most 3; plain names, never mentions. */
  suggestedReviewers: SuggestedReviewer[];
  /** Rule ids or severities (`error`, `warning`, `info`) whose findings make the check fail. */
  failOn: string[];
  configProblems: ConfigProblem[];
}
