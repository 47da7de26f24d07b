import { isWithin, type PullRequestFacts } from './activity-facts.js';
import { summarizeDistribution } from './distribution.js';
import { measureActiveHours } from './measure-active-hours.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/**
 * Hours from start to first response over the PRs that started in the window and matched `include`. A response is a
 * comment, review comment or submitted review by a human non-author at or after the start; draft time after the
 * start is excluded; PRs without a response yet are not samples (they show in `unanswered_prs`).
 */
export function summarizeFirstResponseHours(
  context: MetricContext,
  include: (pr: PullRequestFacts) => boolean,
): Distribution {
  const { fromMs, toMs, clock } = context.options;
  const samples: number[] = [];
  for (const pr of context.index.pullRequests) {
    if (!isWithin(pr.startMs, fromMs, toMs) || pr.firstResponseMs === null) continue;
    if (!countsAsContribution(pr) || !include(pr)) continue;
    samples.push(measureActiveHours(pr, clock, pr.startMs, pr.firstResponseMs));
  }
  return summarizeDistribution(samples);
}

/** `pr_time_to_first_response_hours`: start → first response, PRs started in the window (hours). */
export function computePrTimeToFirstResponse(context: MetricContext): Distribution {
  return summarizeFirstResponseHours(context, () => true);
}
