import type { Logger } from 'pino';
import type { Context } from 'probot';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import type { GitHubClient } from '../github/client.js';
import { fetchPullRequestFiles } from '../github/fetch-pull-request-files.js';
import { buildPullRequestViews, type PullRequestSubject } from '../publish/build-pull-request-views.js';
import { collectConfigProblems } from '../publish/collect-config-problems.js';
import { evaluatePullRequestSupplyChain } from '../publish/evaluate-pull-request-supply-chain.js';
import { upsertCheckRun, type UpsertCheckRunResult } from '../publish/upsert-check-run.js';
import { type UpsertPrCommentAction, upsertPrComment } from '../publish/upsert-pr-comment.js';
import { renderCheckRun, renderPrComment } from '../render/index.js';
import { buildReport, resolveReportWindow } from '../report/build-report.js';
import { fetchChangedWorkflows } from '../supply-chain/fetch-changed-workflows.js';
import { isWorkflowPath } from '../supply-chain/is-workflow-path.js';
import { createEmptyActivity } from '../core/create-empty-activity.js';
import type { HandlerDependencies, RepositoryTarget } from './handler-dependencies.js';
import { loadAreaModel } from './load-area-model.js';
import { loadReportActivityWithFirstPullRequests } from '../report/look-up-first-pull-requests.js';
import type { FeedbackLoopsOptions } from '../rules/feedback-loops-are-tight/index.js';
import type { BandwidthOptions } from '../rules/maintainer-bandwidth-is-infinite/index.js';

export interface PublishPullRequestCheckInput {
  octokit: GitHubClient;
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
 * run), the default branch's areas, the PR's files (saved to the store so area metrics see them) and the workflows
 * it changes; builds the repository report from the store; then upserts the "Community health" check run on the
 * head commit and the comment. Runs under a per-PR lock so concurrent deliveries publish one after the other.
 */
export function publishPullRequestCheck(
  deps: HandlerDependencies,
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
    const window = resolveReportWindow(config, now);
    const activity =
      (await loadReportActivityWithFirstPullRequests({
        store: deps.store,
        octokit,
        target,
        window,
        now,
        log: input.log,
        firstAuthor: pullRequest.author,
      })) ?? createEmptyActivity(target);
    const { report } = buildReport({
      activity,
      config,
      to: now,
      areaModel: areas?.model ?? null,
      paths: areas?.paths ?? null,
      supplyChain: null,
    });
    const views = buildPullRequestViews({
      report,
      activity,
      pullRequest,
      changedFiles: files.paths,
      areaModel: areas?.model ?? null,
      prFindings: evaluatePullRequestSupplyChain(changedWorkflows, config, target.fullName, now),
      failOn: config.failOn,
      ignoreUsers: config.ignoreUsers,
      configProblems: collectConfigProblems(validation, areas?.model.errors ?? []),
      maxOpenReviewRequests: (config.rules['maintainer-bandwidth-is-infinite'] as BandwidthOptions | undefined)?.maxOpenReviewRequests,
      minSamples: (config.rules['feedback-loops-are-tight'] as FeedbackLoopsOptions | undefined)?.minSamples,
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
