import type { PullRequestRecord } from '../core/records.js';

/** `author_association` values GitHub gives the author of a first contribution to the repository. */
const FIRST_TIME = new Set(['FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER']);
/** Values that mean the author has contributed before (or belongs to the project). */
const RETURNING = new Set(['CONTRIBUTOR', 'COLLABORATOR', 'MEMBER', 'OWNER']);

/**
 * Whether a pull request is its author's first contribution to the repository. GitHub's `author_association` says so
 * directly (`FIRST_TIME_CONTRIBUTOR`, `FIRST_TIMER`) or rules it out (`CONTRIBUTOR`, `MEMBER` …); for anything else
 * (`NONE`) the stored history decides: no earlier pull request by the same author (logins without case).
 */
export function isFirstContribution(
  pull: { number: number; author: string; authorAssociation: string },
  pullRequests: readonly Pick<PullRequestRecord, 'number' | 'author' | 'createdAt'>[],
): boolean {
  if (FIRST_TIME.has(pull.authorAssociation)) return true;
  if (RETURNING.has(pull.authorAssociation)) return false;
  const author = pull.author.toLowerCase();
  const own = pullRequests.find((pr) => pr.number === pull.number);
  return !pullRequests.some(
    (pr) =>
      pr.number !== pull.number &&
      pr.author.toLowerCase() === author &&
      (own === undefined || pr.createdAt < own.createdAt || (pr.createdAt === own.createdAt && pr.number < pull.number)),
  );
}
