import type { AreaModel } from '../areas/area-model.js';
import type { RepositoryActivity } from '../core/records.js';
import { type CheckRunReport } from '../render/build-check-run-view.js';
import { buildCheckRunView, type CheckRunView, type ConfigProblem, type PrCommentView } from '../render/index.js';
import type { Finding } from '../rules/types.js';
import { findContestedReview } from './find-contested-review.js';
import { metadata as supplyChainRule } from '../rules/supply-chain-is-secure/metadata.js';
import { isFirstContribution } from './is-first-contribution.js';

/** The pull request as the event (or `pulls.get`) describes it. */
export interface PullRequestSubject {
  number: number;
  headSha: string;
  author: string;
  authorAssociation: string;
  /** Logins whose review is requested now: never suggested again. */
  requestedReviewers: string[];
}

export interface BuildPullRequestViewsInput {
  report: CheckRunReport;
  activity: RepositoryActivity;
  pullRequest: PullRequestSubject;
  /** The files the pull request changes. */
  changedFiles: readonly string[];
  areaModel: AreaModel | null;
  /** Findings about the pull request's own changes (supply-chain risks on the lines it changes). */
  prFindings: readonly Finding[];
  failOn: readonly string[];
  ignoreUsers: readonly string[];
  configProblems: readonly ConfigProblem[];
  /** Reviewers with more open review requests are not suggested (`maintainer-bandwidth-is-infinite`'s limit). */
  maxOpenReviewRequests?: number;
  /** Fewest first reviews before the welcome quotes a wait (`feedback-loops-are-tight`'s `minSamples`). */
  minSamples?: number;
}

/** What the check run and the sticky comment of one pull request show. */
export interface PullRequestViews {
  touchedAreas: string[];
  checkRun: CheckRunView;
  comment: PrCommentView;
}

/**
 * Picks, from the repository report, what one pull request's check run and comment show: the areas its files fall
 * in, the findings about them and its own changes, suggested reviewers, and what its author should know (first
 * contribution, contested review, supply-chain risks it adds). Pure.
 */
export function buildPullRequestViews(input: BuildPullRequestViewsInput): PullRequestViews {
  const { report, pullRequest } = input;
  const touchedAreas = collectTouchedAreas(input.areaModel, input.changedFiles);
  const firstContribution = isFirstContribution(pullRequest, input.activity);
  const contestedReview = findContestedReview(input.activity.reviews, pullRequest, input.ignoreUsers);
  const pastReviewers = [
    ...new Set(
      input.activity.reviews
        .filter((review) => review.prNumber === pullRequest.number && review.state !== 'PENDING')
        .map((review) => review.author),
    ),
  ];
  const checkRun = buildCheckRunView({
    report,
    pullRequest: {
      number: pullRequest.number,
      author: pullRequest.author,
      changedFiles: input.changedFiles,
      requestedReviewers: pullRequest.requestedReviewers,
      pastReviewers,
      firstContribution,
      contestedReview,
    },
    touchedAreas,
    prFindings: input.prFindings,
    failOn: input.failOn,
    configProblems: input.configProblems,
    ignoreUsers: input.ignoreUsers,
    ...(input.maxOpenReviewRequests === undefined ? {} : { maxOpenReviewRequests: input.maxOpenReviewRequests }),
  });
  const comment: PrCommentView = {
    repository: report.repository,
    firstContribution,
    areas: checkRun.areas,
    repo: checkRun.repo,
    contestedReview,
    ...(input.minSamples === undefined ? {} : { minSamples: input.minSamples }),
    supplyChainRisks: input.prFindings.filter((finding) => finding.rule === supplyChainRule.id),
  };
  return { touchedAreas, checkRun, comment };
}

/** The areas any changed file falls in, each once, sorted. */
export function collectTouchedAreas(model: AreaModel | null, changedFiles: readonly string[]): string[] {
  if (!model) return [];
  const names = new Set<string>();
  for (const path of changedFiles) for (const area of model.areasOf(path)) names.add(area);
  return [...names].sort();
}
