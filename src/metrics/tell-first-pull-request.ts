/**
 * `author_association` values that prove the author contributed to the repository before the PR was opened. GitHub
 * reports one value, the strongest relationship: `CONTRIBUTOR` ("has previously committed to the repository") is
 * given only to authors who are not also `COLLABORATOR`, `MEMBER` or `OWNER`. Those three describe a role, not a
 * past — a new organization member's or a newly added collaborator's first PR carries them too — so they prove
 * nothing either way. `FIRST_TIME_CONTRIBUTOR` and `FIRST_TIMER` say there was no earlier *commit*, which does not
 * rule out an earlier PR that was closed unmerged, so they do not prove a first PR either.
 */
export const PRIOR_CONTRIBUTION_ASSOCIATIONS: ReadonlySet<string> = new Set(['CONTRIBUTOR']);

/** What is known about an author's first stored PR. */
export interface FirstStoredPullRequest {
  number: number;
  /** `author_association` when it was opened; `null`/absent when its opening was not seen. */
  openedAssociation?: string | null | undefined;
  /** Their earliest PR's number as GitHub's search gave it (absent: not looked up; `null`: none found). */
  searchedFirstNumber?: number | null | undefined;
}

/**
 * Whether an author's first stored PR is their first PR in the repository: `true` when every item numbered before
 * it is stored (numbers are given in creation order, so no earlier PR can be missing); `false` when GitHub said at
 * its opening that the author had contributed before; else what GitHub's search for their earliest PR answered (an
 * earlier number: not their first); `null` when none of these tells — the history starts after some of the
 * repository's items, and the opening's association is unknown or not conclusive, and no search answered.
 */
export function tellFirstPullRequest(first: FirstStoredPullRequest, contiguousThrough: number): boolean | null {
  if (first.number - 1 <= contiguousThrough) return true;
  if (first.openedAssociation && PRIOR_CONTRIBUTION_ASSOCIATIONS.has(first.openedAssociation)) return false;
  if (typeof first.searchedFirstNumber === 'number') return first.searchedFirstNumber >= first.number;
  return null;
}

/** The highest `n` such that every number 1…n is in `numbers`. */
export function countContiguousNumbers(numbers: Iterable<number>): number {
  const present = new Set(numbers);
  let through = 0;
  while (present.has(through + 1)) through += 1;
  return through;
}

/**
 * The creation time (epoch ms) from which every PR is in `pullRequests` (all stored PRs; `issueNumbers` the stored
 * issues'): that of the lowest-numbered PR in the gap-free run of item numbers ending at the highest. `-Infinity`
 * when the run starts at #1 (or nothing is stored: nothing was missed), `Infinity` when no PR is in the run.
 */
export function findCompleteSinceMs(pullRequests: ReadonlyArray<{ number: number; createdMs: number }>, issueNumbers: readonly number[]): number {
  const present = new Set([...pullRequests.map((pr) => pr.number), ...issueNumbers]);
  let start = Math.max(0, ...present);
  while (start > 1 && present.has(start - 1)) start -= 1;
  if (start <= 1) return -Infinity;
  let boundary: { number: number; createdMs: number } | undefined;
  for (const pr of pullRequests) if (pr.number >= start && (boundary === undefined || pr.number < boundary.number)) boundary = pr;
  return boundary?.createdMs ?? Infinity;
}
