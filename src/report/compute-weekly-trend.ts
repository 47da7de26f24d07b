import type { ActivityIndex } from '../metrics/index-activity.js';
import { type MetricOptions, resolveMetricOptions } from '../metrics/metric-options.js';
import { computePrTimeToFirstReview } from '../metrics/pr-time-to-first-review.js';
import type { WeeklyPoint } from '../render/digest-view.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * The median time to first review (hours) of PRs started in each of the `weeks` weeks before `to`, oldest first —
 * the digest's trend chart. `weekOf` is the week's first day (UTC), `p50` `null` for a week without samples.
 */
export function computeWeeklyTrend(index: ActivityIndex, options: MetricOptions, to: Date, weeks = 8): WeeklyPoint[] {
  const points: WeeklyPoint[] = [];
  for (let week = weeks; week >= 1; week -= 1) {
    const from = new Date(to.getTime() - week * WEEK_MS);
    const end = new Date(from.getTime() + WEEK_MS);
    const window = { from, to: end, previousFrom: new Date(from.getTime() - WEEK_MS) };
    const distribution = computePrTimeToFirstReview({ index, options: resolveMetricOptions({ ...options, window }) });
    points.push({ weekOf: from.toISOString().slice(0, 10), p50: distribution?.p50 ?? null });
  }
  return points;
}
