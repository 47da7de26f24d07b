import type { PullRequestFacts } from './activity-facts.js';
import type { Clock } from './clock.js';

/**
 * Hours on `clock` from `fromMs` to `toMs` during which the PR was not a draft: draft periods after its start are
 * subtracted (the spec's "draft time excluded"). Negative spans count as 0.
 */
export function measureActiveHours(pr: PullRequestFacts, clock: Clock, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let hours = clock.measureHours(fromMs, toMs);
  for (const [draftFrom, draftTo] of pr.draftPeriods) {
    if (draftFrom >= toMs) break;
    const overlapFrom = Math.max(draftFrom, fromMs);
    const overlapTo = Math.min(draftTo, toMs);
    if (overlapTo > overlapFrom) hours -= clock.measureHours(overlapFrom, overlapTo);
  }
  return Math.max(0, hours);
}

/** Whether the PR is a draft (or not yet ready, or not yet opened) at `atMs`. */
export function isDraftAt(pr: PullRequestFacts, atMs: number): boolean {
  if (pr.startMs === null || pr.startMs > atMs) return true;
  return pr.draftPeriods.some(([from, to]) => atMs >= from && atMs < to);
}
