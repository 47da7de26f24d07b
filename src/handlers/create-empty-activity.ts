import type { RepositoryActivity } from '../core/records.js';
import type { RepositoryTarget } from './handler-dependencies.js';

/** A repository the store has no records of yet: every metric is empty. */
export function createEmptyActivity(target: RepositoryTarget): RepositoryActivity {
  return {
    repository: {
      installationId: target.installationId,
      repoId: target.repoId,
      fullName: target.fullName,
      defaultBranch: target.defaultBranch,
      private: false,
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
