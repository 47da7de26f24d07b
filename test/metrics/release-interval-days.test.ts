import { describe, expect, it } from 'vitest';
import { computeReleaseIntervalDays } from '../../src/metrics/release-interval-days.js';
import { scopeIndexToArea } from '../../src/metrics/scope-index-to-area.js';
import { aContext, anActivity, aRelease, t } from './builders.js';

const day = (n: number) => t(n * 24);

describe('release_interval_days', () => {
  it.each([
    { case: 'no releases', releases: [], expected: { n: 0, p50: null, last: null } },
    { case: 'one release', releases: [aRelease(day(1))], expected: { n: 0, p50: null, last: null } },
    {
      case: 'intervals between consecutive releases, the last one last',
      releases: [aRelease(day(-30)), aRelease(day(-20)), aRelease(day(-5)), aRelease(day(2))],
      expected: { n: 3, p50: 10, last: 7 },
    },
    {
      case: 'drafts, prereleases and releases after `to` are left out',
      releases: [
        aRelease(day(-30)),
        aRelease(day(-25), { prerelease: true }),
        aRelease(day(-20), { draft: true }),
        aRelease(day(-10)),
        aRelease(day(40)),
      ],
      expected: { n: 1, p50: 20, last: 20 },
    },
  ])('$case', ({ releases, expected }) => {
    expect(computeReleaseIntervalDays(aContext(anActivity({ releases })))).toEqual(expected);
  });

  it('summarizes only the latest intervalCount intervals, counts prereleases when asked', () => {
    const releases = [aRelease(day(-100)), aRelease(day(-10)), aRelease(day(-8), { prerelease: true }), aRelease(day(-4))];
    expect(computeReleaseIntervalDays(aContext(anActivity({ releases }), { releases: { intervalCount: 2, includePrereleases: true } }))).toEqual({
      n: 2,
      p50: 3,
      last: 4,
    });
  });

  it('is null for an area', () => {
    const context = aContext(anActivity({ releases: [aRelease(day(-3)), aRelease(day(1))] }));
    const area = { ...context, index: scopeIndexToArea(context.index, { prNumbers: [], issueNumbers: [] }) };
    expect(computeReleaseIntervalDays(area)).toBeNull();
  });
});
