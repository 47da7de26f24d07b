import { DEFAULT_RETURNING_WITHIN_DAYS, DEFAULT_REVIEWER_ACTIVITY_DAYS } from './metric-options.js';
import { staleOwnerLookBack } from './stale-owners.js';
import type { Window } from './types.js';

const DAY_MS = 86_400_000;

/**
 * How far before a window's previous window the metrics look: the longest look-back of any metric (reviewers active in
 * the 90 days before a window ends; first-time contributors returning within 90 days), and a week's margin. Stale
 * owners look back a year, answered by the store without reading the records (`staleOwnerRanges`).
 */
export const METRIC_LOOK_BACK_DAYS = Math.max(DEFAULT_REVIEWER_ACTIVITY_DAYS, DEFAULT_RETURNING_WITHIN_DAYS) + 7;

/** The earliest moment a metric over `window` (or its previous window) looks at: reading less changes no metric. */
export function metricHorizon(window: Window): Date {
  return new Date(window.previousFrom.getTime() - METRIC_LOOK_BACK_DAYS * DAY_MS);
}

/** The stale-owner look-backs of a window and its previous window: the year up to each window's end. */
export function staleOwnerRanges(window: Window): Array<{ from: string; to: string }> {
  return [window.to, window.from].map(staleOwnerLookBack);
}
