import type { Report } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import type { CheckRunView, ConfigProblem } from './check-run-view.js';
import { suggestReviewers } from './suggest-reviewers.js';

export interface BuildCheckRunViewInput {
  report: Report;
  pullRequest: {
    number: number;
    author: string;
    /** Files the PR changes; a located report finding is shown only when it points into one of them. */
    changedFiles?: readonly string[];
    /** Reviewers already requested: not suggested again. */
    requestedReviewers?: readonly string[];
  };
  /** Names of the areas the pull request's changed files fall in. */
  touchedAreas: readonly string[];
  /** Findings about the pull request's own changes (e.g. a workflow step it adds), usually with a location. */
  prFindings?: readonly Finding[];
  failOn?: readonly string[];
  configProblems?: readonly ConfigProblem[];
  /** Logins never suggested (`ignoreUsers`). */
  ignoreUsers?: readonly string[];
}

/**
 * The check run's view of one pull request, picked from the repository report: the touched areas, the findings
 * about those areas and the whole repository (a finding pointing at a file only when the PR changes that file),
 * the PR's own findings, and up to 3 suggested reviewers.
 */
export function buildCheckRunView(input: BuildCheckRunViewInput): CheckRunView {
  const touched = new Set(input.touchedAreas);
  const changed = new Set(input.pullRequest.changedFiles ?? []);
  const areas = input.report.areas.filter((area) => touched.has(area.area));
  const fromReport = input.report.findings.filter(
    (finding) =>
      (finding.area === null || touched.has(finding.area)) &&
      (finding.location === undefined || changed.has(finding.location.path)),
  );
  return {
    repository: input.report.repository,
    pullRequest: { number: input.pullRequest.number, author: input.pullRequest.author },
    repo: input.report.repo.metrics,
    areas,
    findings: dedupeFindings([...fromReport, ...(input.prFindings ?? [])]),
    suggestedReviewers: suggestReviewers({
      areas,
      reviewers: input.report.reviewers,
      exclude: [input.pullRequest.author, ...(input.pullRequest.requestedReviewers ?? []), ...(input.ignoreUsers ?? [])],
    }),
    failOn: [...(input.failOn ?? [])],
    configProblems: [...(input.configProblems ?? [])],
  };
}

/** The same finding reported twice (by the report and by the PR analysis) is shown once. */
function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.rule, finding.area, finding.title, finding.location ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
