import type { ActivityIndex } from './index-activity.js';
import type { ResolvedMetricOptions } from './metric-options.js';

/** What every metric function reads: the indexed activity (repository or one area) and the resolved options. */
export interface MetricContext {
  index: ActivityIndex;
  options: ResolvedMetricOptions;
}

/**
 * Whether an item counts in item metrics (latencies, counts, unanswered, workload): items authored by bots or
 * `ignoreUsers` are left out, since bots never count as contributors (spec, "Human").
 */
export function countsAsContribution(item: { humanAuthor: boolean }): boolean {
  return item.humanAuthor;
}
