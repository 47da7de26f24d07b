import type { RepositoryActivity, RepositoryRecord } from './records.js';

/**
 * An activity holding no records of `repository`: every metric over it is empty. For a repository the store has no
 * records of yet, and the start of a pool of repositories.
 */
export function createEmptyActivity(
  repository: Pick<RepositoryRecord, 'installationId' | 'repoId' | 'fullName' | 'defaultBranch'> & { private?: boolean },
): RepositoryActivity {
  return {
    repository: {
      installationId: repository.installationId,
      repoId: repository.repoId,
      fullName: repository.fullName,
      defaultBranch: repository.defaultBranch,
      private: repository.private ?? false,
    },
    pullRequests: [],
    issues: [],
    reviews: [],
    comments: [],
    events: [],
    milestones: [],
    releases: [],
    contributors: [],
    pullRequestFiles: [],
  };
}
