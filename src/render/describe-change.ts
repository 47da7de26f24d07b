import type { GoodDirection } from './key-metrics.js';

/** A week-over-week movement: the arrow and whether it is good news for this metric. */
export interface Change {
  arrow: '↑' | '↓' | '→' | '';
  verdict: 'better' | 'worse' | 'steady' | 'unknown';
}

/** Changes smaller than this share of the previous value read as steady (`→`), so noise does not flip arrows. */
export const STEADY_TOLERANCE = 0.05;

/**
 * Compares a metric with its previous value: `↑`/`↓` with `better`/`worse` by the metric's good direction, `→`
 * (`steady`) within `STEADY_TOLERANCE` of the previous value, and no arrow (`unknown`) when either side is missing.
 * A metric with no good direction (a count of PRs started) moves without a verdict (`steady` verdict, real arrow).
 */
export function describeChange(current: number | null, previous: number | null, better: GoodDirection): Change {
  if (current === null || previous === null) return { arrow: '', verdict: 'unknown' };
  const delta = current - previous;
  const scale = Math.max(Math.abs(previous), Number.EPSILON);
  if (delta === 0 || Math.abs(delta) / scale < STEADY_TOLERANCE) return { arrow: '→', verdict: 'steady' };
  const arrow = delta > 0 ? '↑' : '↓';
  if (better === 'neither') return { arrow, verdict: 'steady' };
  const improved = better === 'lower' ? delta < 0 : delta > 0;
  return { arrow, verdict: improved ? 'better' : 'worse' };
}

/** The change as a table cell: `↓ better`, `↑ worse`, `→`, `↑`, or empty. */
export function formatChange(change: Change): string {
  if (change.arrow === '') return '';
  if (change.verdict === 'better' || change.verdict === 'worse') return `${change.arrow} ${change.verdict}`;
  return change.arrow;
}
