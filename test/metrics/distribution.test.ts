import { describe, expect, it } from 'vitest';
import { computeQuantile, summarizeDistribution } from '../../src/metrics/distribution.js';

describe('summarizeDistribution', () => {
  it.each([
    { samples: [], expected: { n: 0, p50: null, p90: null } },
    { samples: [10], expected: { n: 1, p50: 10, p90: 10 } },
    { samples: [4, 1, 3, 2], expected: { n: 4, p50: 2.5, p90: 3.7 } },
    { samples: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], expected: { n: 10, p50: 5.5, p90: 9.1 } },
    { samples: [15, 20, 35, 40, 50], expected: { n: 5, p50: 35, p90: 46 } },
    { samples: [1 / 3, 2 / 3], expected: { n: 2, p50: 0.5, p90: 0.6333 } },
  ])('summarizes $samples as R type 7 / numpy linear percentiles', ({ samples, expected }) => {
    expect(summarizeDistribution(samples)).toEqual(expected);
  });

  it('does not reorder its input', () => {
    const samples = [3, 1, 2];
    summarizeDistribution(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('computeQuantile', () => {
  it.each([
    { sorted: [], q: 0.5, expected: null },
    { sorted: [1, 2, 3, 4], q: 0, expected: 1 },
    { sorted: [1, 2, 3, 4], q: 1, expected: 4 },
    { sorted: [1, 2, 3, 4], q: 0.25, expected: 1.75 },
  ])('quantile $q of $sorted is $expected', ({ sorted, q, expected }) => {
    expect(computeQuantile(sorted, q)).toBe(expected);
  });
});
