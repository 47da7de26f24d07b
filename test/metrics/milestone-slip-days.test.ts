import { describe, expect, it } from 'vitest';
import { computeMilestoneSlipDays } from '../../src/metrics/milestone-slip-days.js';
import { aContext, aMilestone, anActivity, t } from './builders.js';

const closed = (dueHours: number | null, closedHours: number) =>
  aMilestone({ dueOn: dueHours === null ? null : t(dueHours), state: 'closed', closedAt: t(closedHours) });

describe('milestone_slip_days', () => {
  it('is n 0 without milestones closed in the window', () => {
    expect(computeMilestoneSlipDays(aContext(anActivity({ milestones: [aMilestone({ dueOn: t(1) }), closed(-100, -1)] })))).toEqual({
      n: 0,
      p50: null,
      p90: null,
    });
  });

  it('measures days closed after due_on; early closes slipped 0; no due date is no sample', () => {
    const activity = anActivity({ milestones: [closed(0, 48), closed(-240, 0), closed(100, 50), closed(null, 10)] });
    expect(computeMilestoneSlipDays(aContext(activity))).toEqual({ n: 3, p50: 2, p90: 8.4 });
  });
});
