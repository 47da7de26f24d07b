import { describe, expect, it } from 'vitest';
import { computeAbsenceFactor, computeReviewerAbsenceFactor } from '../../src/metrics/reviewer-absence-factor.js';

describe('reviewer_absence_factor (CHAOSS Contributor Absence Factor)', () => {
  it.each([
    { case: "CHAOSS's worked example", counts: [1000, 202, 90, 33, 332, 343, 42, 433], expected: 2 },
    { case: 'no contributions', counts: [], expected: null },
    { case: 'only zeros', counts: [0, 0], expected: null },
    { case: 'one reviewer', counts: [7], expected: 1 },
    { case: 'exactly half is not more than half', counts: [5, 5], expected: 2 },
    { case: 'a majority holder', counts: [6, 5], expected: 1 },
    { case: 'an even spread', counts: [1, 1, 1, 1, 1, 1], expected: 4 },
  ])('$case: $counts → $expected', ({ counts, expected }) => {
    expect(computeAbsenceFactor(counts)).toBe(expected);
  });

  it('reads per-reviewer review counts', () => {
    expect(computeReviewerAbsenceFactor(new Map([['alice', 10], ['bob', 4], ['carol', 4], ['dave', 3]]))).toBe(2);
  });
});
