import { describe, expect, it } from 'vitest';
import { computePrsStarted } from '../../src/metrics/prs-started.js';
import { aContext, anActivity, anEvent, aPullRequest, t } from './builders.js';

describe('prs_started', () => {
  it.each([
    { case: 'opened in [from, to)', pr: aPullRequest({ createdAt: t(1) }), expected: 1 },
    { case: 'opened just before the window', pr: aPullRequest({ createdAt: t(-1) }), expected: 0 },
    { case: 'opened at `to` (excluded end)', pr: aPullRequest({ createdAt: t(28 * 24) }), expected: 0 },
    { case: 'opened as draft before the window, ready in it', pr: aPullRequest({ number: 50, createdAt: t(-10), draft: true }), expected: 1 },
    { case: 'a never-ready draft', pr: aPullRequest({ createdAt: t(2), draft: true }), expected: 0 },
    { case: 'opened by a bot', pr: aPullRequest({ createdAt: t(3), author: 'dependabot[bot]', authorType: 'Bot' }), expected: 0 },
  ])('$case → $expected', ({ pr, expected }) => {
    const activity = anActivity({ pullRequests: [pr], events: [anEvent(50, 'ready_for_review', t(4))] });
    expect(computePrsStarted(aContext(activity))).toBe(expected);
  });
});
