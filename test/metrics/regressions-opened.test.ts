import { describe, expect, it } from 'vitest';
import { computeRegressionsOpened } from '../../src/metrics/regressions-opened.js';
import { aContext, anActivity, anIssue, t } from './builders.js';

describe('regressions_opened', () => {
  it.each([
    { case: 'kind/regression', issue: anIssue({ createdAt: t(1), labels: ['kind/regression'] }), expected: 1 },
    { case: 'regression', issue: anIssue({ createdAt: t(1), labels: ['Regression'] }), expected: 1 },
    { case: 'no regression label', issue: anIssue({ createdAt: t(1), labels: ['kind/bug'] }), expected: 0 },
    { case: 'opened before the window', issue: anIssue({ createdAt: t(-1), labels: ['regression'] }), expected: 0 },
  ])('$case → $expected', ({ issue, expected }) => {
    expect(computeRegressionsOpened(aContext(anActivity({ issues: [issue] })))).toBe(expected);
  });

  it('uses configured labels', () => {
    const activity = anActivity({ issues: [anIssue({ createdAt: t(1), labels: ['type: regression'] })] });
    expect(computeRegressionsOpened(aContext(activity, { regressionLabels: ['type: regression'] }))).toBe(1);
  });
});
