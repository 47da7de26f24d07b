import type { ReleaseFacts } from './activity-facts.js';
import { computeQuantile, roundMetric } from './distribution.js';
import type { MetricContext } from './metric-context.js';
import type { ReleaseInterval } from './types.js';

const DAY_MS = 86_400_000;

/** Published releases before `to` that count (prereleases only when configured), ascending. */
export function selectReleases(context: MetricContext): ReleaseFacts[] {
  const { toMs, includePrereleases } = context.options;
  return context.index.releases.filter((release) => release.publishedMs < toMs && (includePrereleases || !release.prerelease));
}

/**
 * `release_interval_days`: calendar days between consecutive releases, over the latest `releaseIntervalCount` (10)
 * intervals before `to`: `n` intervals, their median `p50`, and the `last` one. `null` in an area's index (releases
 * belong to the repository).
 */
export function computeReleaseIntervalDays(context: MetricContext): ReleaseInterval | null {
  if (context.index.scope === 'area') return null;
  const releases = selectReleases(context).slice(-(context.options.releaseIntervalCount + 1));
  const intervals: number[] = [];
  for (let i = 1; i < releases.length; i += 1) {
    intervals.push((releases[i]!.publishedMs - releases[i - 1]!.publishedMs) / DAY_MS);
  }
  const last = intervals.at(-1);
  const p50 = computeQuantile([...intervals].sort((a, b) => a - b), 0.5);
  return {
    n: intervals.length,
    p50: p50 === null ? null : roundMetric(p50),
    last: last === undefined ? null : roundMetric(last),
  };
}
