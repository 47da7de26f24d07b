import { describe, expect, it } from 'vitest';
import { computeTopReviewerShare } from '../../src/metrics/top-reviewer-share.js';

describe('top_reviewer_share', () => {
  it.each([
    { counts: {}, expected: null },
    { counts: { alice: 5 }, expected: 1 },
    { counts: { alice: 6, bob: 3, carol: 1 }, expected: 0.6 },
    { counts: { alice: 1, bob: 1, carol: 1 }, expected: 0.3333 },
  ])('$counts → $expected', ({ counts, expected }) => {
    expect(computeTopReviewerShare(new Map(Object.entries(counts)))).toBe(expected);
  });
});
