import type { GitHubClient } from '../github/client.js';
import type { PullRequestSubject } from '../publish/build-pull-request-views.js';
import { type HandlerContext, type HandlerDependencies, readRepositoryTarget } from './handler-dependencies.js';
import { publishPullRequestCheck } from './publish-pull-request-check.js';

/** Pull request actions that (re)compute the check run of the head commit. */
export const PULL_REQUEST_CHECK_ACTIONS: readonly string[] = ['opened', 'reopened', 'synchronize', 'ready_for_review'];
/** Check suite actions that do: `requested` (a push) and `rerequested` (the "Re-run" button). */
export const CHECK_SUITE_CHECK_ACTIONS: readonly string[] = ['requested', 'rerequested'];

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
}

/**
 * `pull_request` opened / reopened / synchronize / ready_for_review and `check_suite` requested / rerequested:
 * publishes the "Community health" check run (and the sticky comment) of each open pull request whose head is the
 * commit. A check suite names the pull requests of its own repository; pull requests from forks are found in the
 * store by head SHA. Other actions do nothing. Returns how many pull requests were published.
 */
export async function onPullRequestCheck(deps: HandlerDependencies, context: HandlerContext): Promise<number> {
  const payload = context.payload as PullRequestPayload;
  const target = readRepositoryTarget(context.payload);
  if (!target) return 0;
  const subjects: PullRequestSubject[] = [];
  if (context.name === 'pull_request' && payload.pull_request && PULL_REQUEST_CHECK_ACTIONS.includes(payload.action ?? '')) {
    if (payload.pull_request.state === 'open') subjects.push(toSubject(payload.pull_request));
  } else if (context.name === 'check_suite' && payload.check_suite && CHECK_SUITE_CHECK_ACTIONS.includes(payload.action ?? '')) {
    const headSha = payload.check_suite.head_sha;
    const numbers = new Set((payload.check_suite.pull_requests ?? []).map((pull) => pull.number));
    const activity = await deps.store.loadActivity(target.installationId, target.repoId);
    for (const pull of activity?.pullRequests ?? []) if (pull.state === 'open' && pull.headSha === headSha) numbers.add(pull.number);
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

/** An open pull request as `pulls.get` describes it; `null` once it is closed. */
export async function fetchSubject(octokit: GitHubClient, owner: string, repo: string, number: number): Promise<PullRequestSubject | null> {
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
