import type { Logger } from 'pino';
import type { Context } from 'probot';
import type { AreaModel } from '../areas/area-model.js';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { createEmptyActivity } from '../core/create-empty-activity.js';
import { fetchPullRequestFiles, type PullRequestFilesReader } from '../github/fetch-pull-request-files.js';
import type { EarliestPullRequestSearch } from '../github/search-earliest-pull-request.js';
import type { AreaContextCache, DefaultBranchAreaSourcesReader } from '../areas/area-context-cache.js';
import type { KeyLock } from '../handlers/create-key-lock.js';
import type { RepositoryTarget } from '../handlers/handler-dependencies.js';
import { loadAreaModel } from '../areas/load-area-model.js';
import { buildPullRequestViews, collectTouchedAreas, type PullRequestSubject, type PullRequestViews } from '../publish/build-pull-request-views.js';
import { collectConfigProblems } from '../publish/collect-config-problems.js';
import { evaluatePullRequestSupplyChain } from '../publish/evaluate-pull-request-supply-chain.js';
import { type CheckRunWriter, upsertCheckRun, type UpsertCheckRunResult } from '../publish/upsert-check-run.js';
import { type PrCommentWriter, type UpsertPrCommentAction, upsertPrComment } from '../publish/upsert-pr-comment.js';
import type { ConfigProblem } from '../render/check-run-view.js';
import { renderCheckRun, renderPrComment } from '../render/index.js';
import { buildPullRequestReport } from '../report/build-pull-request-report.js';
import { resolveReportWindow } from '../report/build-report.js';
import { loadPullRequestCheckActivity, type PullRequestCheckActivityReads } from '../report/load-pull-request-check-activity.js';
import { selectPullRequestCheckItems } from '../report/select-pull-request-check-items.js';
import type { FeedbackLoopsOptions } from '../rules/feedback-loops-are-tight/index.js';
import type { BandwidthOptions } from '../rules/maintainer-bandwidth-is-infinite/index.js';
import type { Finding } from '../rules/types.js';
import type { Store } from '../store/store.js';
import { type ChangedWorkflowsReader, fetchChangedWorkflows } from '../supply-chain/fetch-changed-workflows.js';
import { isWorkflowPath } from '../supply-chain/is-workflow-path.js';

/**
 * What the check run reads from the store and writes to it: the PR's changed files (so area metrics see them), the
 * keys of the items a report would read, just the items the check run needs, and first-PR answers from GitHub.
 */
export type PullRequestCheckStore = PullRequestCheckActivityReads & Pick<Store, 'savePullRequestFiles'>;

export interface PublishPullRequestCheckDependencies {
  store: PullRequestCheckStore;
  now: () => Date;
  areas: AreaContextCache;
  lock: KeyLock;
  /** This app's id, to tell its own check runs and comments from look-alikes; unknown in some tests. */
  appId?: number;
}

/**
 * Of GitHub, what publishing a PR's check run takes: the default branch's area sources, the PR's files and the
 * workflows it changes, the first-PR search, the check run and the sticky comment (Probot's Octokit is one).
 */
export type PullRequestCheckGitHub = DefaultBranchAreaSourcesReader &
  PullRequestFilesReader &
  ChangedWorkflowsReader &
  EarliestPullRequestSearch &
  CheckRunWriter &
  PrCommentWriter;

export interface PublishPullRequestCheckInput {
  octokit: PullRequestCheckGitHub;
  /** Reads `.github/fallacy-watch.yml` (Probot's `context.config`). */
  configSource: Pick<Context, 'config'>;
  target: RepositoryTarget;
  pullRequest: PullRequestSubject;
  log: Pick<Logger, 'warn' | 'info' | 'debug'>;
}

export interface PublishPullRequestCheckResult {
  checkRun: UpsertCheckRunResult;
  comment: UpsertPrCommentAction;
}

/**
 * Recomputes one pull request's check run and sticky comment: reads the config (its problems go into the check
 * run), the default branch's areas, the PR's files (saved to the store) and the workflows it changes; computes from
 * the store only what the check run shows (`buildPullRequestReport` over the items `selectPullRequestCheckItems`
 * picks: the touched areas, the open and recent PRs, the reviewers' recent reviews); then upserts the "Community
 * health" check run on the head commit and the comment. Runs under a per-PR lock so concurrent deliveries publish
 * one after the other.
 */
export function publishPullRequestCheck(
  deps: PublishPullRequestCheckDependencies,
  input: PublishPullRequestCheckInput,
): Promise<PublishPullRequestCheckResult> {
  const { target, pullRequest } = input;
  const key = `${target.installationId}/${target.repoId}#${pullRequest.number}`;
  return deps.lock(key, async () => {
    const { octokit } = input;
    const { owner, repo } = target;
    const validation = await loadRepositoryConfig(input.configSource);
    const { config } = validation;
    const areas = await loadAreaModel(octokit, deps.areas, target, config, input.log);
    const files = await fetchPullRequestFiles(octokit, { owner, repo, pullNumber: pullRequest.number });
    await deps.store.savePullRequestFiles(target.installationId, target.repoId, pullRequest.number, pullRequest.headSha, files.paths);
    const changedWorkflows = files.paths.some(isWorkflowPath)
      ? await fetchChangedWorkflows(octokit, { owner, repo, pullNumber: pullRequest.number, headSha: pullRequest.headSha })
      : [];
    const now = deps.now();
    const views = await computePullRequestViews(deps.store, {
      octokit,
      target,
      pullRequest,
      changedFiles: files.paths,
      config,
      areaModel: areas?.model ?? null,
      paths: areas?.paths ?? null,
      now,
      prFindings: evaluatePullRequestSupplyChain(changedWorkflows, config, target.fullName, now),
      configProblems: collectConfigProblems(validation, areas?.model.errors ?? []),
      log: input.log,
    });
    const checkRun = await upsertCheckRun(octokit, {
      owner,
      repo,
      headSha: pullRequest.headSha,
      output: renderCheckRun(views.checkRun),
      completedAt: now,
      ...(deps.appId === undefined ? {} : { appId: deps.appId }),
    });
    const comment = await upsertPrComment(octokit, {
      owner,
      repo,
      pullNumber: pullRequest.number,
      comment: renderPrComment(views.comment),
      enabled: config.comment.enabled,
      ...(deps.appId === undefined ? {} : { appId: deps.appId }),
    });
    input.log.info(
      { repository: target.fullName, pullRequest: pullRequest.number, checkRun: checkRun.action, comment, areas: views.touchedAreas },
      'pull request check published',
    );
    return { checkRun, comment };
  });
}

export interface ComputePullRequestViewsInput {
  octokit: EarliestPullRequestSearch;
  target: RepositoryTarget;
  pullRequest: PullRequestSubject;
  changedFiles: readonly string[];
  config: FallacyWatchConfig;
  areaModel: AreaModel | null;
  paths: readonly string[] | null;
  now: Date;
  prFindings: readonly Finding[];
  configProblems: readonly ConfigProblem[];
  log: Pick<Logger, 'warn'>;
}

/**
 * The check run's and the comment's views of one pull request, from the store's part of the history they need:
 * the same views as `buildReport` over the whole report's activity and `buildPullRequestViews` give.
 */
export async function computePullRequestViews(store: PullRequestCheckActivityReads, input: ComputePullRequestViewsInput): Promise<PullRequestViews> {
  const { config, target, pullRequest, now } = input;
  const window = resolveReportWindow(config, now);
  const touchedAreas = collectTouchedAreas(input.areaModel, input.changedFiles);
  const activity =
    (await loadPullRequestCheckActivity({
      store,
      octokit: input.octokit,
      target,
      window,
      now,
      log: input.log,
      firstAuthor: pullRequest.author,
      select: (keys) => selectPullRequestCheckItems({ keys, config, window, areaModel: input.areaModel, touchedAreas, pullRequest }),
    })) ?? createEmptyActivity(target);
  const report = buildPullRequestReport({ activity, config, to: now, areaModel: input.areaModel, paths: input.paths, touchedAreas });
  return buildPullRequestViews({
    report,
    activity,
    pullRequest,
    changedFiles: input.changedFiles,
    areaModel: input.areaModel,
    prFindings: input.prFindings,
    failOn: config.failOn,
    ignoreUsers: config.ignoreUsers,
    configProblems: input.configProblems,
    maxOpenReviewRequests: (config.rules['maintainer-bandwidth-is-infinite'] as BandwidthOptions | undefined)?.maxOpenReviewRequests,
    minSamples: (config.rules['feedback-loops-are-tight'] as FeedbackLoopsOptions | undefined)?.minSamples,
  });
}
