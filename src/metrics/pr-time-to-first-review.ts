import { isWithin } from './activity-facts.js';
import { summarizeDistribution } from './distribution.js';
import { measureActiveHours } from './measure-active-hours.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/**
 * `pr_time_to_first_review_hours`: start → first submitted review (any state but `PENDING`) by a human non-author,
 * over PRs started in the window, in hours with draft time excluded. Reviews before the start are ignored.
 */
export function computePrTimeToFirstReview(context: MetricContext): Distribution {
  const { fromMs, toMs, clock } = context.options;
  const samples: number[] = [];
  for (const pr of context.index.pullRequests) {
    if (!isWithin(pr.startMs, fromMs, toMs) || pr.firstReviewMs === null || !countsAsContribution(pr)) continue;
    samples.push(measureActiveHours(pr, clock, pr.startMs, pr.firstReviewMs));
  }
  return summarizeDistribution(samples);
}
