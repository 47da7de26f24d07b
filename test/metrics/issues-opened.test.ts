import { describe, expect, it } from 'vitest';
import { computeIssuesOpened } from '../../src/metrics/issues-opened.js';
import { aContext, anActivity, anIssue, t } from './builders.js';

describe('issues_opened', () => {
  it.each([
    { case: 'created at the window start', issue: anIssue({ createdAt: t(0) }), expected: 1 },
    { case: 'created just before', issue: anIssue({ createdAt: t(-0.01) }), expected: 0 },
    { case: 'created by a bot', issue: anIssue({ createdAt: t(3), author: 'x[bot]' }), expected: 0 },
    { case: 'created by an ignored user', issue: anIssue({ createdAt: t(3), author: 'Fuzzer' }), expected: 0 },
  ])('$case → $expected', ({ issue, expected }) => {
    expect(computeIssuesOpened(aContext(anActivity({ issues: [issue] }), { ignoreUsers: ['fuzzer'] }))).toBe(expected);
  });
});
