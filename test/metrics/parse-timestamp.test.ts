import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/metrics/parse-timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    '2026-11-22T10:00:00.000Z',
    '2026-11-22T10:00:00Z',
    '1970-01-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '2000-02-29T12:34:56.789Z',
    '2100-03-01T00:00:00Z',
    '2024-12-31T23:59:59.001Z',
    '2026-11-22T10:00:00+02:00',
    '2026-11-22T10:00:00.5Z',
    '2026-11-22',
  ])('%s reads as Date.parse does', (text) => {
    expect(parseTimestamp(text)).toBe(Date.parse(text));
  });

  it('agrees with Date.parse over many instants', () => {
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 7_777_777_777) {
      const text = new Date(ms).toISOString();
      expect(parseTimestamp(text)).toBe(ms);
    }
  });

  it('is NaN for garbage, like Date.parse', () => {
    expect(parseTimestamp('not a time')).toBeNaN();
    expect(parseTimestamp('2026-13-22T10:00:00.000Z')).toBeNaN();
  });
});
