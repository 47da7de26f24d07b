import { describe, expect, it } from 'vitest';
import { computeActiveReviewers } from '../../src/metrics/active-reviewers.js';

describe('active_reviewers', () => {
  it.each([
    { counts: {}, expected: 0 },
    { counts: { alice: 1 }, expected: 1 },
    { counts: { alice: 12, bob: 1, carol: 3 }, expected: 3 },
  ])('$counts → $expected', ({ counts, expected }) => {
    expect(computeActiveReviewers(new Map(Object.entries(counts)))).toBe(expected);
  });
});
