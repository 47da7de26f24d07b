import type { PullRequestFilesRecord, ReviewRecord } from '../core/records.js';

/**
 * A list's records by PR number, grouped once per list: the owners metrics are computed for the repository and every
 * area over the same lists. Lists are not changed once made; one whose length changed is grouped again.
 */
function groupedOnce<R, G>(cache: WeakMap<readonly R[], { length: number; groups: G }>, list: readonly R[], group: (list: readonly R[]) => G): G {
  const cached = cache.get(list);
  if (cached !== undefined && cached.length === list.length) return cached.groups;
  const groups = group(list);
  cache.set(list, { length: list.length, groups });
  return groups;
}

const filesCache = new WeakMap<readonly PullRequestFilesRecord[], { length: number; groups: ReadonlyMap<number, readonly string[]> }>();
const reviewsCache = new WeakMap<readonly ReviewRecord[], { length: number; groups: ReadonlyMap<number, readonly ReviewRecord[]> }>();

/** Each PR's changed paths (a PR listed twice: its last record). */
export function filesByPullRequest(records: readonly PullRequestFilesRecord[]): ReadonlyMap<number, readonly string[]> {
  return groupedOnce(filesCache, records, (list) => new Map(list.map((record) => [record.prNumber, record.paths])));
}

/** Each PR's reviews, in list order. */
export function reviewsByPullRequest(reviews: readonly ReviewRecord[]): ReadonlyMap<number, readonly ReviewRecord[]> {
  return groupedOnce(reviewsCache, reviews, (list) => {
    const groups = new Map<number, ReviewRecord[]>();
    for (const review of list) {
      const group = groups.get(review.prNumber);
      if (group === undefined) groups.set(review.prNumber, [review]);
      else group.push(review);
    }
    return groups;
  });
}
