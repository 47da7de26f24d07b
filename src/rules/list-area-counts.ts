import { compareText } from './compare-text.js';
import type { MetricSet } from '../metrics/types.js';
import type { RuleInput } from './types.js';

/** Names of the metrics that are plain counts. */
export type CountMetricName = {
  [K in keyof MetricSet]: MetricSet[K] extends number | null ? K : never;
}[keyof MetricSet];

/**
 * The areas where a count metric is above zero, largest first (ties by name), as two parallel lists for evidence:
 * a repository-wide finding about a count cites where the items are instead of repeating itself per area.
 */
export function listAreaCounts(input: RuleInput, metric: CountMetricName): { areas: string[]; counts: number[] } {
  const rows = input.areas
    .map((a) => ({ area: a.area, count: a.metrics[metric] ?? 0 }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || compareText(a.area, b.area));
  return { areas: rows.map((row) => row.area), counts: rows.map((row) => row.count) };
}
