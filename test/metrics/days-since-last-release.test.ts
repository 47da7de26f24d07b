import { describe, expect, it } from 'vitest';
import { computeDaysSinceLastRelease } from '../../src/metrics/days-since-last-release.js';
import { aContext, anActivity, aRelease, t } from './builders.js';

describe('days_since_last_release', () => {
  it.each([
    { case: 'no releases', releases: [], expected: null },
    { case: 'the latest release before `to`', releases: [aRelease(t(0)), aRelease(t(24 * 24))], expected: 4 },
    { case: 'a draft and a prerelease do not count', releases: [aRelease(t(0)), aRelease(t(600), { prerelease: true }), aRelease(t(650), { draft: true })], expected: 28 },
  ])('$case → $expected', ({ releases, expected }) => {
    expect(computeDaysSinceLastRelease(aContext(anActivity({ releases })))).toBe(expected);
  });
});
