import { isOpenAt, type PullRequestFacts } from './activity-facts.js';
import { isDraftAt } from './measure-active-hours.js';

/** Whose move an open, ready PR waits on at a moment, and since when (epoch ms). */
export interface Turn {
  side: 'reviewers' | 'author';
  sinceMs: number;
}

/**
 * Whose turn it is on a PR at `atMs` (spec, "Responses and whose turn"). A PR that is not open, or is a draft (or
 * not yet ready) at `atMs`, waits on nobody: `null`. It waits on its **author** from a human non-author's latest
 * `CHANGES_REQUESTED` review before `atMs` (dismissed ones no longer count) until the author pushes to it or comments
 * (ignored commands do not count); otherwise on its **reviewers**, since the later of its start and the author's last
 * push or comment after that latest change request (the spec's rule: each push or answer is new work to review).
 */
export function findWhoseTurn(pr: PullRequestFacts, atMs: number): Turn | null {
  if (!isOpenAt(pr, atMs) || isDraftAt(pr, atMs)) return null;
  let changeRequestMs: number | null = null;
  for (const review of pr.reviews) {
    if (review.atMs >= atMs) break;
    if (review.state === 'CHANGES_REQUESTED') changeRequestMs = review.atMs;
  }
  if (changeRequestMs === null) return { side: 'reviewers', sinceMs: pr.startMs! };
  // The author's last push or comment after the change request (and before `atMs`): each one hands reviewers new work.
  let answeredMs: number | undefined;
  for (const activityMs of pr.authorActivityMs) if (activityMs > changeRequestMs && activityMs < atMs && (answeredMs === undefined || activityMs > answeredMs)) answeredMs = activityMs;
  if (answeredMs === undefined) return { side: 'author', sinceMs: changeRequestMs };
  return { side: 'reviewers', sinceMs: Math.max(pr.startMs!, answeredMs) };
}
