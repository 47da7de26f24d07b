import { isWithin } from './activity-facts.js';
import { summarizeDistribution } from './distribution.js';
import type { MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

const DAY_MS = 86_400_000;

/**
 * `milestone_slip_days`: over milestones with a `due_on` closed in the window, the days they were closed after
 * `due_on` (calendar days; a milestone closed on time slipped 0).
 */
export function computeMilestoneSlipDays(context: MetricContext): Distribution {
  const { fromMs, toMs } = context.options;
  const samples: number[] = [];
  for (const milestone of context.index.milestones) {
    if (milestone.dueMs === null || !isWithin(milestone.closedMs, fromMs, toMs)) continue;
    samples.push(Math.max(0, milestone.closedMs - milestone.dueMs) / DAY_MS);
  }
  return summarizeDistribution(samples);
}
