import type { Distribution } from './types.js';

/**
 * The `q`-quantile (0 ≤ q ≤ 1) of ascending `sorted` values by linear interpolation between closest ranks
 * (R type 7, numpy's default): position `(n - 1) · q`, interpolated between its neighbours. `null` when empty.
 */
export function computeQuantile(sorted: readonly number[], q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Rounds to 4 decimals so reports stay readable and stable across platforms (hours → ~0.4 s resolution). */
export function roundMetric(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Summarizes samples (hours or days) as the spec's `{ n, p50, p90 }`; with no samples `p50` and `p90` are `null`.
 * The input is not modified.
 */
export function summarizeDistribution(samples: readonly number[]): Distribution {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  const p50 = computeQuantile(values, 0.5);
  const p90 = computeQuantile(values, 0.9);
  return {
    n: values.length,
    p50: p50 === null ? null : roundMetric(p50),
    p90: p90 === null ? null : roundMetric(p90),
  };
}
