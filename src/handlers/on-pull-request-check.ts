import type { GitHubClient } from '../github/client.js';
import type { Store } from '../store/store.js';
import type { PullRequestSubject } from '../publish/build-pull-request-views.js';
import { CHECK_RUN_NAME } from '../render/index.js';
import { type HandlerContext, readRepositoryTarget } from './handler-dependencies.js';
import { publishPullRequestCheck, type PublishPullRequestCheckDependencies } from '../application/publish-pull-request-check.js';

/**
 * What the check-run handler uses: the check run's use case's store, clock, area sources and lock, and the store's
 * answer to "which open PRs have this head commit" (a re-run check suite or check run).
 */
export type PullRequestCheckHandlerDependencies = Omit<PublishPullRequestCheckDependencies, 'store'> & {
  store: PublishPullRequestCheckDependencies['store'] & Pick<Store, 'findOpenPullRequestsByHead'>;
};

/** The parts of a delivery's context a reaction reads: the delivery, the installation's client, the log, the config. */
export type ReactionContext = Pick<HandlerContext, 'name' | 'payload' | 'octokit' | 'log' | 'config'>;

/** Of GitHub, what reading a pull request takes (`pulls.get`). */
export interface PullRequestReader {
  rest: { pulls: Pick<GitHubClient['rest']['pulls'], 'get'> };
}

/** Pull request actions that (re)compute the check run of the head commit. */
export const PULL_REQUEST_CHECK_ACTIONS: readonly string[] = ['opened', 'reopened', 'synchronize', 'ready_for_review'];
/** Check suite actions that do: `requested` (a push) and `rerequested` (the "Re-run all" button). */
export const CHECK_SUITE_CHECK_ACTIONS: readonly string[] = ['requested', 'rerequested'];
/** Check run actions that do: `rerequested` (the single-check "Re-run" button). */
export const CHECK_RUN_CHECK_ACTIONS: readonly string[] = ['rerequested'];

interface PullRequestPayload {
  action?: string;
  pull_request?: {
    number: number;
    state: string;
    user: { login: string };
    author_association?: string;
    head: { sha: string };
    requested_reviewers?: Array<{ login?: string }>;
  };
  check_suite?: { head_sha: string; pull_requests?: Array<{ number: number }> };
  check_run?: { name: string; head_sha: string; app?: { id: number } | null; pull_requests?: Array<{ number: number }> };
}

/**
 * `pull_request` opened / reopened / synchronize / ready_for_review, `check_suite` requested / rerequested and
 * `check_run` rerequested (this app's "Community health" run only):
 * publishes the "Community health" check run (and the sticky comment) of each open pull request whose head is the
 * commit. A check suite names the pull requests of its own repository; pull requests from forks are found in the
 * store by head SHA. Other actions do nothing. Returns how many pull requests were published.
 */
export async function onPullRequestCheck(deps: PullRequestCheckHandlerDependencies, context: ReactionContext): Promise<number> {
  const payload = context.payload as PullRequestPayload;
  const target = readRepositoryTarget(context.payload);
  if (!target) return 0;
  const subjects: PullRequestSubject[] = [];
  if (context.name === 'pull_request' && payload.pull_request && PULL_REQUEST_CHECK_ACTIONS.includes(payload.action ?? '')) {
    if (payload.pull_request.state === 'open') subjects.push(toSubject(payload.pull_request));
  } else if (isCheckSuiteRun(context.name, payload) || isOwnCheckRunRerun(context.name, payload, deps.appId)) {
    const suite = (payload.check_suite ?? payload.check_run)!;
    const headSha = suite.head_sha;
    const numbers = new Set((suite.pull_requests ?? []).map((pull) => pull.number));
    for (const number of await deps.store.findOpenPullRequestsByHead(target.installationId, target.repoId, headSha)) numbers.add(number);
    for (const number of [...numbers].sort((a, b) => a - b)) {
      const subject = await fetchSubject(context.octokit, target.owner, target.repo, number);
      if (subject && subject.headSha === headSha) subjects.push(subject);
    }
  }
  for (const pullRequest of subjects) {
    await publishPullRequestCheck(deps, { octokit: context.octokit, configSource: context, target, pullRequest, log: context.log });
  }
  return subjects.length;
}

function isCheckSuiteRun(name: string, payload: PullRequestPayload): boolean {
  return name === 'check_suite' && payload.check_suite !== undefined && CHECK_SUITE_CHECK_ACTIONS.includes(payload.action ?? '');
}

/** The "Re-run" button of this app's own "Community health" run (another check of the same app is not ours to redo). */
function isOwnCheckRunRerun(name: string, payload: PullRequestPayload, appId: number | undefined): boolean {
  const run = payload.check_run;
  if (name !== 'check_run' || !run || !CHECK_RUN_CHECK_ACTIONS.includes(payload.action ?? '')) return false;
  return run.name === CHECK_RUN_NAME && (appId === undefined || run.app?.id === undefined || run.app.id === appId);
}

/** An open pull request as `pulls.get` describes it; `null` once it is closed. */
export async function fetchSubject(octokit: PullRequestReader, owner: string, repo: string, number: number): Promise<PullRequestSubject | null> {
  const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
  if (data.state !== 'open') return null;
  return toSubject({
    number: data.number,
    state: data.state,
    user: { login: data.user.login },
    author_association: data.author_association,
    head: { sha: data.head.sha },
    requested_reviewers: (data.requested_reviewers ?? []).map((reviewer) => ({ login: reviewer.login })),
  });
}

function toSubject(pull: NonNullable<PullRequestPayload['pull_request']>): PullRequestSubject {
  return {
    number: pull.number,
    headSha: pull.head.sha,
    author: pull.user.login,
    authorAssociation: pull.author_association ?? 'NONE',
    requestedReviewers: (pull.requested_reviewers ?? []).flatMap((reviewer) => (reviewer.login ? [reviewer.login] : [])),
  };
}
