import type { PullRequestFacts, ReviewFact } from './activity-facts.js';

/**
 * Each human reviewer's latest state-setting review (`APPROVED`, `CHANGES_REQUESTED` or `DISMISSED`) submitted at
 * or before `atMs`. `COMMENTED` reviews do not change a reviewer's standing, as in GitHub's review decision.
 */
export function collectLatestReviewStates(pr: PullRequestFacts, atMs: number): Map<string, ReviewFact['state']> {
  const states = new Map<string, ReviewFact['state']>();
  for (const review of pr.reviews) {
    if (review.atMs > atMs) break;
    if (review.state !== 'COMMENTED') states.set(review.reviewer, review.state);
  }
  return states;
}
