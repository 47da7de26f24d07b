import { isOpenAt, type MilestoneFacts } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/** The milestones `overdue_milestones` counts: open at `to` with a `due_on` before `to`. */
export function selectOverdueMilestones(context: MetricContext): MilestoneFacts[] {
  const { toMs } = context.options;
  return context.index.milestones.filter(
    (milestone) => milestone.dueMs !== null && milestone.dueMs < toMs && isOpenAt(milestone, toMs),
  );
}

/** `overdue_milestones`: how many milestones `selectOverdueMilestones` lists. */
export function computeOverdueMilestones(context: MetricContext): number {
  return selectOverdueMilestones(context).length;
}
