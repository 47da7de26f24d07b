import type { PagingGitHubPort } from '../github/client.js';

/** Of GitHub, what reading the workflow files a PR changes takes. */
export type ChangedWorkflowsReader = PagingGitHubPort<{ pulls: 'listFiles'; repos: 'getContent' }>;
import { computeChangedLines } from './changed-lines.js';
import { fetchFileText } from './fetch-workflows.js';
import type { WorkflowFile } from './fetch-workflows.js';
import { isWorkflowPath } from './is-workflow-path.js';

/** A workflow a pull request adds or changes: its text at the head commit and the lines the PR touched. */
export interface ChangedWorkflow extends WorkflowFile {
  changedLines: Set<number>;
}

/**
 * The workflow files a pull request adds, modifies or renames (`pulls.listFiles`, paginated), read at `headSha`,
 * each with the new-file lines its patch adds. Removed workflows are left out.
 */
export async function fetchChangedWorkflows(
  octokit: ChangedWorkflowsReader,
  target: { owner: string; repo: string; pullNumber: number; headSha: string },
): Promise<ChangedWorkflow[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  });
  const changed: ChangedWorkflow[] = [];
  for (const file of files) {
    if (file.status === 'removed' || !isWorkflowPath(file.filename)) continue;
    const text = await fetchFileText(octokit, { owner: target.owner, repo: target.repo, ref: target.headSha }, file.filename);
    if (text === null) continue;
    changed.push({ path: file.filename, text, changedLines: computeChangedLines(file.patch) });
  }
  return changed;
}
