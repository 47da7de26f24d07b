import type { GitHubClient } from './client.js';

/** The one GitHub call {@link searchEarliestPullRequest} makes (a whole `GitHubClient` has it). */
export interface EarliestPullRequestSearch {
  rest: { search: Pick<GitHubClient['rest']['search'], 'issuesAndPullRequests'> };
}

/**
 * The number of `author`'s earliest PR in `owner/repo`, by one search (`is:pr author:… sorted by creation, oldest
 * first, one result`); `null` when the search finds none. Search has its own rate limit (30 requests a minute), so
 * callers look an author up once and keep the answer.
 */
export async function searchEarliestPullRequest(
  octokit: EarliestPullRequestSearch,
  params: { owner: string; repo: string; author: string },
): Promise<number | null> {
  const { data } = await octokit.rest.search.issuesAndPullRequests({
    q: `repo:${params.owner}/${params.repo} is:pr author:${params.author}`,
    sort: 'created',
    order: 'asc',
    per_page: 1,
  });
  return data.items[0]?.number ?? null;
}
