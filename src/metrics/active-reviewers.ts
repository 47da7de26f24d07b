/** `active_reviewers`: humans with at least one review in the area in the 90 days before `to`. */
export function computeActiveReviewers(reviewCounts: ReadonlyMap<string, number>): number {
  let active = 0;
  for (const count of reviewCounts.values()) if (count > 0) active += 1;
  return active;
}
