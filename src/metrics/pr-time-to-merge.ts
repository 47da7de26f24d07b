import { isWithin } from './activity-facts.js';
import { summarizeDistribution } from './distribution.js';
import { measureActiveHours } from './measure-active-hours.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/**
 * `pr_time_to_merge_hours`: start → `merged_at` over PRs merged in the window, in hours with draft time excluded.
 * PRs without a known start (opened as draft with no recorded `ready_for_review`) are left out.
 */
export function computePrTimeToMerge(context: MetricContext): Distribution {
  const { fromMs, toMs, clock } = context.options;
  const samples: number[] = [];
  for (const pr of context.index.pullRequests) {
    if (!isWithin(pr.mergedMs, fromMs, toMs) || pr.startMs === null || !countsAsContribution(pr)) continue;
    samples.push(measureActiveHours(pr, clock, pr.startMs, pr.mergedMs));
  }
  return summarizeDistribution(samples);
}
