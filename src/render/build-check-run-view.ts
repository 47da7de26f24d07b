import type { Report } from '../report/types.js';
import { searchUrl } from '../metrics/item-urls.js';
import type { Finding } from '../rules/types.js';
import type { CheckRunView, ConfigProblem } from './check-run-view.js';
import { DIGEST_LABEL } from './render-digest.js';
import { pickRepositoryFigures, type RepositoryFigures } from '../metrics/repository-figures.js';
import { suggestReviewers } from './suggest-reviewers.js';

/**
 * What the check run reads of a report: the whole repository report, or the narrow one computed for one pull request
 * (the touched areas, the reviewers, the repository's shown figures).
 */
export type CheckRunReport = Pick<Report, 'repository' | 'areas' | 'reviewers' | 'findings' | 'not_judged'> & {
  repo: { metrics: RepositoryFigures };
};

export interface BuildCheckRunViewInput {
  report: CheckRunReport;
  pullRequest: {
    number: number;
    author: string;
    /** Files the PR changes; a located report finding is shown only when it points into one of them. */
    changedFiles?: readonly string[];
    /** Reviewers already requested: not suggested again. */
    requestedReviewers?: readonly string[];
    /** People who already reviewed this pull request: not suggested again. */
    pastReviewers?: readonly string[];
    /** The author's first pull request in the repository. */
    firstContribution?: boolean;
    /** Taking each reviewer's latest review, one approves and another requests changes. */
    contestedReview?: { approvedBy: string[]; changesRequestedBy: string[] } | null;
  };
  /** Reviewers with more open review requests than this are not suggested (the bandwidth rule's limit). */
  maxOpenReviewRequests?: number;
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
 * The check run's view of one pull request, picked from the repository report: the touched areas, the findings of
 * those areas (a finding pointing at a file only when the PR changes that file), the PR's own findings and
 * situation, what could not be judged there, and up to 3 suggested reviewers. Repository-wide findings are left to
 * the weekly digest, which the view links.
 */
export function buildCheckRunView(input: BuildCheckRunViewInput): CheckRunView {
  const touched = new Set(input.touchedAreas);
  const changed = new Set(input.pullRequest.changedFiles ?? []);
  const areas = input.report.areas.filter((area) => touched.has(area.area));
  const fromReport = input.report.findings.filter(
    (finding) =>
      finding.area !== null &&
      touched.has(finding.area) &&
      (finding.location === undefined || changed.has(finding.location.path)),
  );
  const located = input.report.findings.filter(
    (finding) => finding.area === null && finding.location !== undefined && changed.has(finding.location.path),
  );
  return {
    repository: input.report.repository,
    pullRequest: { number: input.pullRequest.number, author: input.pullRequest.author },
    repo: pickRepositoryFigures(input.report.repo.metrics),
    areas,
    findings: dedupeFindings([...fromReport, ...located, ...(input.prFindings ?? [])]),
    notJudged: (input.report.not_judged ?? []).filter((entry) => entry.area !== null && touched.has(entry.area)),
    own: {
      firstContribution: input.pullRequest.firstContribution ?? false,
      contestedReview: input.pullRequest.contestedReview ?? null,
    },
    digestsUrl: searchUrl(input.report.repository, `is:issue label:${DIGEST_LABEL} sort:created-desc`),
    suggestedReviewers: suggestReviewers({
      areas,
      reviewers: input.report.reviewers,
      author: input.pullRequest.author,
      requested: input.pullRequest.requestedReviewers ?? [],
      reviewed: input.pullRequest.pastReviewers ?? [],
      exclude: input.ignoreUsers ?? [],
      ...(input.maxOpenReviewRequests === undefined ? {} : { maxOpenReviewRequests: input.maxOpenReviewRequests }),
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
