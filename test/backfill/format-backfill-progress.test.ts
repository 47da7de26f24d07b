import { describe, expect, it } from 'vitest';
import type { BackfillProgress } from '../../src/backfill/backfill-repository.js';
import { formatBackfillProgress, formatDuration } from '../../src/backfill/format-backfill-progress.js';

const progress = (fraction: number): BackfillProgress => ({
  repository: 'acme/app',
  connection: 'pullRequests',
  items: 250,
  pages: 3,
  queries: 5,
  points: 11,
  fraction,
});

describe('formatBackfillProgress', () => {
  it('extrapolates the ETA from the time spent over the share done', () => {
    expect(formatBackfillProgress(progress(0.25), 60_000, 4989)).toBe(
      'acme/app  pullRequests  25%  items 250  pages 3  points 11  remaining 4989  ETA 3m 00s',
    );
  });

  it('has no ETA before any progress, and says done at the end', () => {
    expect(formatBackfillProgress(progress(0), 1000)).toBe('acme/app  pullRequests  0%  items 250  pages 3  points 11  ETA ?');
    expect(formatBackfillProgress(progress(1), 1000)).toMatch(/100% .* done$/);
  });

  it.each([
    [12_000, '12s'],
    [249_000, '4m 09s'],
    [10_920_000, '3h 02m'],
  ])('formatDuration(%i) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
