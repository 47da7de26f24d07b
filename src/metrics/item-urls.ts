/** Links to GitHub's web pages for the items a finding lists. `repository` is `owner/name`. */

const GITHUB = 'https://github.com';

function repositoryPath(repository: string): string {
  return repository.split('/').map(encodeURIComponent).join('/');
}

/** `https://github.com/owner/name/pull/12` */
export function pullRequestUrl(repository: string, number: number): string {
  return `${GITHUB}/${repositoryPath(repository)}/pull/${Math.trunc(number)}`;
}

/** `https://github.com/owner/name/issues/12` */
export function issueUrl(repository: string, number: number): string {
  return `${GITHUB}/${repositoryPath(repository)}/issues/${Math.trunc(number)}`;
}

/** `https://github.com/owner/name/milestone/3` */
export function milestoneUrl(repository: string, number: number): string {
  return `${GITHUB}/${repositoryPath(repository)}/milestone/${Math.trunc(number)}`;
}

/** A person's profile, `https://github.com/login`. */
export function userUrl(login: string): string {
  return `${GITHUB}/${encodeURIComponent(login.replace(/^@/, ''))}`;
}

/** The repository's issue and PR search for `query`, e.g. `is:pr is:open review-requested:alice`. */
export function searchUrl(repository: string, query: string): string {
  return `${GITHUB}/${repositoryPath(repository)}/issues?q=${encodeURIComponent(query)}`;
}

/** GitHub's search over every repository of an organisation, e.g. `is:pr is:merged label:"breaking"`. */
export function organizationSearchUrl(organization: string, query: string): string {
  return `${GITHUB}/search?q=${encodeURIComponent(`org:${organization} ${query}`)}&type=issues`;
}

/** A search qualifier matching any of `labels` (GitHub ORs comma-separated label values). */
export function labelQualifier(labels: readonly string[]): string {
  return `label:${labels.map((label) => `"${label.replace(/"/g, '')}"`).join(',')}`;
}
