import type { ProbotOctokit } from 'probot';

/** The authenticated GitHub client handlers and publishers use (Probot's Octokit: REST methods, paginate, graphql). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;
