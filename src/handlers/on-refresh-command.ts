import { loadRepositoryConfig } from '../config/load-repository-config.js';
import { readDigestMarker } from '../render/index.js';
import { createConfigSource } from '../schedule/create-config-source.js';
import { publishDigest, type PublishDigestDependencies } from '../application/publish-digest.js';
import { readRepositoryTarget, type RepositoryTarget } from './handler-dependencies.js';
import { fetchSubject, type PullRequestCheckHandlerDependencies, type ReactionContext } from './on-pull-request-check.js';
import { publishPullRequestCheck } from '../application/publish-pull-request-check.js';
import type { Store } from '../store/store.js';

/** What the refresh handler uses: the check run's and the digest's dependencies, and finding a digest's repository. */
export type RefreshHandlerDependencies = PullRequestCheckHandlerDependencies &
  PublishDigestDependencies & { store: Pick<Store, 'findRepositories'> };

import { isRefreshRequest, type RefreshComment } from './is-refresh-request.js';

export { isRefreshRequest, REFRESH_ASSOCIATIONS } from './is-refresh-request.js';

interface IssueCommentPayload {
  action?: string;
  comment?: RefreshComment;
  issue?: { number: number; body?: string | null; pull_request?: unknown };
}

export type RefreshOutcome = 'ignored' | 'check-run' | 'digest';

/**
 * `/fallacy-watch refresh` in a new issue or PR comment by an OWNER, MEMBER or COLLABORATOR: on a pull request,
 * recomputes its check run and comment; on an issue, recomputes this week's digest (of the repository a digest
 * issue's marker names, when the digest lives in another repository of the installation; only when the digest is
 * enabled). From anyone else, or in an edited comment, nothing at all happens: no reply, no reaction.
 */
export async function onRefreshCommand(deps: RefreshHandlerDependencies, context: ReactionContext): Promise<RefreshOutcome> {
  const payload = context.payload as IssueCommentPayload;
  const here = readRepositoryTarget(context.payload);
  if (context.name !== 'issue_comment' || payload.action !== 'created' || !payload.issue || !here) return 'ignored';
  if (!isRefreshRequest(payload.comment)) return 'ignored';
  if (payload.issue.pull_request) {
    const pullRequest = await fetchSubject(context.octokit, here.owner, here.repo, payload.issue.number);
    if (!pullRequest) return 'ignored';
    await publishPullRequestCheck(deps, { octokit: context.octokit, configSource: context, target: here, pullRequest, log: context.log });
    return 'check-run';
  }
  const target = await resolveDigestRepository(deps, here, readDigestMarker(payload.issue.body)?.repository);
  if (!target) return 'ignored';
  const configSource = target === here ? context : createConfigSource(context.octokit, target.owner, target.repo, context.log);
  const { config } = await loadRepositoryConfig(configSource);
  if (!config.digest.enabled) return 'ignored';
  await publishDigest(deps, { octokit: context.octokit, target, config, log: context.log });
  return 'digest';
}

/** The repository whose digest to refresh: the one a digest issue names (same installation), else this one. */
async function resolveDigestRepository(
  deps: { store: Pick<Store, 'findRepositories'> },
  here: RepositoryTarget,
  named: string | undefined,
): Promise<RepositoryTarget | null> {
  if (!named || named.toLowerCase() === here.fullName.toLowerCase()) return here;
  const record = (await deps.store.findRepositories(named)).find((repository) => repository.installationId === here.installationId);
  if (!record) return null;
  const [owner, repo] = record.fullName.split('/') as [string, string];
  return { installationId: record.installationId, repoId: record.repoId, owner, repo, fullName: record.fullName, defaultBranch: record.defaultBranch };
}
