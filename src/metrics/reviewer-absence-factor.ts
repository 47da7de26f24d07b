/**
 * The CHAOSS Contributor Absence Factor over contribution counts: the fewest contributors whose contributions
 * together exceed 50% of all. `[1000,202,90,33,332,343,42,433]` → 2. `null` when there are no contributions.
 */
export function computeAbsenceFactor(counts: Iterable<number>): number | null {
  const sorted = [...counts].filter((count) => count > 0).sort((a, b) => b - a);
  const total = sorted.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let covered = 0;
  let reviewers = 0;
  for (const count of sorted) {
    covered += count;
    reviewers += 1;
    if (covered * 2 > total) break;
  }
  return reviewers;
}

/** `reviewer_absence_factor`: the absence factor over each reviewer's reviews in the last 90 days. */
export function computeReviewerAbsenceFactor(reviewCounts: ReadonlyMap<string, number>): number | null {
  return computeAbsenceFactor(reviewCounts.values());
}
