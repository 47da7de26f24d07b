import { describe, expect, it } from 'vitest';
import { computeOverdueMilestones } from '../../src/metrics/overdue-milestones.js';
import { aContext, aMilestone, anActivity, t } from './builders.js';

const end = 28 * 24;

describe('overdue_milestones', () => {
  it.each([
    { case: 'open and past due', milestone: aMilestone({ dueOn: t(end - 1) }), expected: 1 },
    { case: 'open and due later', milestone: aMilestone({ dueOn: t(end + 1) }), expected: 0 },
    { case: 'open without a due date', milestone: aMilestone(), expected: 0 },
    { case: 'closed before `to`', milestone: aMilestone({ dueOn: t(1), state: 'closed', closedAt: t(2) }), expected: 0 },
    { case: 'closed after `to` (open at `to`)', milestone: aMilestone({ dueOn: t(1), state: 'closed', closedAt: t(end + 5) }), expected: 1 },
  ])('$case → $expected', ({ milestone, expected }) => {
    expect(computeOverdueMilestones(aContext(anActivity({ milestones: [milestone] })))).toBe(expected);
  });
});
