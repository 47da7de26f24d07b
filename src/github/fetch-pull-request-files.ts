import type { PagingGitHubPort } from './client.js';

/** Of GitHub, what reading a PR's changed files takes. */
export type PullRequestFilesReader = PagingGitHubPort<{ pulls: 'listFiles' }>;

/** GitHub lists at most this many files of a pull request (the REST endpoint stops there). */
export const MAX_PULL_REQUEST_FILES = 3000;
const PER_PAGE = 100;

export interface PullRequestFiles {
  /** Changed paths, in API order, each once; a renamed file contributes its old path too (it left that area). */
  paths: string[];
  /** GitHub's 3,000-file limit was reached: the PR may change more files than `paths` holds. */
  truncated: boolean;
}

/**
 * A pull request's changed files: `GET /repos/{owner}/{repo}/pulls/{number}/files`, 100 a page, following pages up
 * to GitHub's limit of 3,000 files (30 pages). Thin adapter: no caching, errors propagate.
 */
export async function fetchPullRequestFiles(
  octokit: PullRequestFilesReader,
  params: { owner: string; repo: string; pullNumber: number },
): Promise<PullRequestFiles> {
  const paths = new Set<string>();
  let listed = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    per_page: PER_PAGE,
  })) {
    for (const file of page.data) {
      if (listed >= MAX_PULL_REQUEST_FILES) break;
      listed += 1;
      paths.add(file.filename);
      if (file.previous_filename) paths.add(file.previous_filename);
    }
    if (listed >= MAX_PULL_REQUEST_FILES) break;
  }
  return { paths: [...paths], truncated: listed >= MAX_PULL_REQUEST_FILES };
}
