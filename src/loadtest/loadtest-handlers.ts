import type { ApplicationFunction } from 'probot';
import type { GitHubClient } from '../github/client.js';
import type { DigestJobData } from '../queue/job-data.js';
import type { CreateWorkerHandlers } from '../queue/worker-handlers.js';

/** The hidden marker of the load run's PR comment. */
export const LOADTEST_COMMENT_MARKER = '<!-- fallacy-watch:loadtest -->';
export const LOADTEST_CHECK_NAME = 'fallacy-watch/loadtest';

/**
 * Reactions with the shape of the app's (the lead wires the real ones): for every pull request delivery, an
 * idempotent check run (found by `external_id` = delivery id, else created) and an idempotent PR comment (found by
 * hidden marker, edited only when its body changes, else created); for every digest job, an issue found by marker,
 * else created. Run again after a crash, they write nothing new, so the simulator's records count duplicates.
 */
export const createWorkerHandlers: CreateWorkerHandlers = () => ({ reactions, runDigest });

const reactions: ApplicationFunction = (app) => {
  app.on('pull_request', async (context) => {
    const { owner, repo } = context.repo();
    const pull = context.payload.pull_request;
    await upsertCheckRun(context.octokit as GitHubClient, owner, repo, pull.head.sha, context.id);
    const body = `${LOADTEST_COMMENT_MARKER}\nPR #${pull.number} is ${pull.state}${pull.merged ? ' (merged)' : ''}.`;
    await upsertComment(context.octokit as GitHubClient, owner, repo, pull.number, body);
  });
};

async function upsertCheckRun(octokit: GitHubClient, owner: string, repo: string, headSha: string, deliveryId: string): Promise<void> {
  const existing = await octokit.rest.checks.listForRef({ owner, repo, ref: headSha, check_name: LOADTEST_CHECK_NAME, per_page: 100 });
  if (existing.data.check_runs.some((run) => run.external_id === deliveryId)) return;
  await octokit.rest.checks.create({ owner, repo, name: LOADTEST_CHECK_NAME, head_sha: headSha, external_id: deliveryId, status: 'completed', conclusion: 'neutral', output: { title: 'load run', summary: deliveryId } });
}

async function upsertComment(octokit: GitHubClient, owner: string, repo: string, issueNumber: number, body: string): Promise<void> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((comment) => comment.body?.startsWith(LOADTEST_COMMENT_MARKER));
  if (!mine) await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  else if (mine.body !== body) await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
}

async function runDigest(job: DigestJobData, octokit: GitHubClient): Promise<void> {
  const [owner, repo] = job.repository.split('/') as [string, string];
  const marker = `<!-- fallacy-watch:digest ${job.repository} ${job.week} -->`;
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: 'community-health', state: 'all', per_page: 100 });
  if (issues.some((issue) => issue.body?.includes(marker))) return;
  await octokit.rest.issues.create({ owner, repo, title: `Community health, week of ${job.weekOf}`, body: `${marker}\nDigest of ${job.repository}.`, labels: ['community-health'] });
}
