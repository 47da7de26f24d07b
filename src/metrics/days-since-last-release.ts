import { roundMetric } from './distribution.js';
import type { MetricContext } from './metric-context.js';
import { selectReleases } from './release-interval-days.js';

const DAY_MS = 86_400_000;

/** `days_since_last_release`: calendar days from the latest release before `to` to `to`; `null` without releases or in an area. */
export function computeDaysSinceLastRelease(context: MetricContext): number | null {
  if (context.index.scope === 'area') return null;
  const latest = selectReleases(context).at(-1);
  return latest === undefined ? null : roundMetric((context.options.toMs - latest.publishedMs) / DAY_MS);
}
