import type { ProbotOctokit } from 'probot';

/** The authenticated GitHub client handlers and publishers use (Probot's Octokit: REST methods, paginate, graphql). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

type Rest = GitHubClient['rest'];

/**
 * Of GitHub, only the REST methods a port names, by namespace: `GitHubPort<{ git: 'getTree' | 'getBlob' }>`. Adapters
 * take the port of what they call, use cases the intersection of their adapters' ports; Probot's Octokit is each.
 */
export type GitHubPort<Methods extends { [Namespace in keyof Rest]?: keyof Rest[Namespace] }> = {
  rest: { [Namespace in keyof Methods & keyof Rest]: Pick<Rest[Namespace], Methods[Namespace] & keyof Rest[Namespace]> };
};

/** A {@link GitHubPort} that also pages through its list methods (`paginate`). */
export type PagingGitHubPort<Methods extends { [Namespace in keyof Rest]?: keyof Rest[Namespace] }> = GitHubPort<Methods> &
  Pick<GitHubClient, 'paginate'>;
