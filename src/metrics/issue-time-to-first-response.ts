import { isWithin } from './activity-facts.js';
import { summarizeDistribution } from './distribution.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/**
 * `issue_time_to_first_response_hours`: issue `created_at` → first comment by a human non-author, or its close by
 * one, over issues opened in the window (hours on the configured clock). Issues without a response are no samples.
 */
export function computeIssueTimeToFirstResponse(context: MetricContext): Distribution {
  const { fromMs, toMs, clock } = context.options;
  const samples: number[] = [];
  for (const issue of context.index.issues) {
    if (!isWithin(issue.createdMs, fromMs, toMs) || issue.firstResponseMs === null) continue;
    if (!countsAsContribution(issue)) continue;
    samples.push(clock.measureHours(issue.createdMs, issue.firstResponseMs));
  }
  return summarizeDistribution(samples);
}
