/** A repository as the app addresses it: its installation, ids, name and default branch. */
export interface RepositoryTarget {
  installationId: number;
  repoId: number;
  owner: string;
  repo: string;
  /** `owner/name` */
  fullName: string;
  defaultBranch: string;
}
