import { isOpenAt } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/** `overdue_milestones`: milestones open at `to` whose `due_on` is before `to`. */
export function computeOverdueMilestones(context: MetricContext): number {
  const { toMs } = context.options;
  return context.index.milestones.filter(
    (milestone) => milestone.dueMs !== null && milestone.dueMs < toMs && isOpenAt(milestone, toMs),
  ).length;
}
