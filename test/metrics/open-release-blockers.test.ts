import { describe, expect, it } from 'vitest';
import { computeOpenReleaseBlockers } from '../../src/metrics/open-release-blockers.js';
import { aContext, anActivity, anIssue, aPullRequest, t, WINDOW_FROM, WINDOW_TO } from './builders.js';

const HOURS_IN_WINDOW = (WINDOW_TO - WINDOW_FROM) / 3_600_000;

describe('open_release_blockers', () => {
  it.each([
    { case: 'an open issue labelled release-blocker', issue: anIssue({ createdAt: t(-100), labels: ['release-blocker'] }), expected: 1 },
    { case: 'case-insensitive', issue: anIssue({ createdAt: t(1), labels: ['Priority/Release-Blocker'] }), expected: 1 },
    { case: 'opened by a bot', issue: anIssue({ createdAt: t(1), author: 'ci-bot[bot]', authorType: 'Bot', labels: ['kind/release-blocker'] }), expected: 1 },
    { case: 'without a blocker label', issue: anIssue({ createdAt: t(1), labels: ['kind/bug'] }), expected: 0 },
    {
      case: 'closed before the end of the window',
      issue: anIssue({ createdAt: t(1), state: 'closed', closedAt: t(2), labels: ['release-blocker'] }),
      expected: 0,
    },
    {
      case: 'closed after the end of the window (open then)',
      issue: anIssue({ createdAt: t(1), state: 'closed', closedAt: t(HOURS_IN_WINDOW + 5), labels: ['release-blocker'] }),
      expected: 1,
    },
    { case: 'opened after the end of the window', issue: anIssue({ createdAt: t(HOURS_IN_WINDOW + 1), labels: ['release-blocker'] }), expected: 0 },
  ])('$case → $expected', ({ issue, expected }) => {
    expect(computeOpenReleaseBlockers(aContext(anActivity({ issues: [issue] })))).toBe(expected);
  });

  it('counts pull requests too, and uses configured labels', () => {
    const activity = anActivity({
      pullRequests: [aPullRequest({ createdAt: t(3), labels: ['blocker'] })],
      issues: [anIssue({ createdAt: t(2), labels: ['blocker'] }), anIssue({ createdAt: t(2), labels: ['release-blocker'] })],
    });
    expect(computeOpenReleaseBlockers(aContext(activity, { releaseBlockerLabels: ['Blocker'] }))).toBe(2);
  });
});
