import { describe, expect, it } from 'vitest';
import { digestWeekOf, isDigestDue, scheduledDigestTime } from '../../src/schedule/is-digest-due.js';

const monday9 = { enabled: true, weekday: 'mon', hour: 9, timezone: 'UTC' } as const;

describe('digestWeekOf', () => {
  it.each([
    ['2026-11-23T00:00:00Z', 'UTC', '2026-11-23'],
    ['2026-11-29T23:59:59Z', 'UTC', '2026-11-23'],
    ['2026-11-30T00:00:00Z', 'UTC', '2026-11-30'],
    // Sunday 13:00 UTC is already Monday in Auckland (UTC+13 in November).
    ['2026-11-29T13:00:00Z', 'Pacific/Auckland', '2026-11-30'],
    // Monday 03:00 UTC is still Sunday in Los Angeles.
    ['2026-11-30T03:00:00Z', 'America/Los_Angeles', '2026-11-23'],
    ['2027-01-01T12:00:00Z', 'UTC', '2026-12-28'],
  ])('%s in %s is the week of %s', (now, timezone, weekOf) => {
    expect(digestWeekOf(new Date(now), timezone)).toBe(weekOf);
  });
});

describe('scheduledDigestTime', () => {
  it('is the weekday and hour in the timezone, across daylight-saving changes', () => {
    expect(scheduledDigestTime('2026-11-23', monday9).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(scheduledDigestTime('2026-11-23', { weekday: 'fri', hour: 17, timezone: 'Europe/Berlin' }).toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(scheduledDigestTime('2026-07-06', { weekday: 'mon', hour: 9, timezone: 'Europe/Berlin' }).toISOString()).toBe('2026-07-06T07:00:00.000Z');
    expect(scheduledDigestTime('2026-11-23', { weekday: 'sun', hour: 0, timezone: 'Asia/Kolkata' }).toISOString()).toBe('2026-11-28T18:30:00.000Z');
  });
});

describe('isDigestDue', () => {
  it('is due from the configured weekday and hour until the week ends, once', () => {
    expect(isDigestDue(new Date('2026-11-23T08:59:59Z'), monday9, null)).toBe(false);
    expect(isDigestDue(new Date('2026-11-23T09:00:00Z'), monday9, null)).toBe(true);
    expect(isDigestDue(new Date('2026-11-26T15:00:00Z'), monday9, null)).toBe(true);
    expect(isDigestDue(new Date('2026-11-26T15:00:00Z'), monday9, '2026-11-16')).toBe(true);
    expect(isDigestDue(new Date('2026-11-26T15:00:00Z'), monday9, '2026-11-23')).toBe(false);
  });

  it('is never due when the digest is disabled', () => {
    expect(isDigestDue(new Date('2026-11-23T10:00:00Z'), { ...monday9, enabled: false }, null)).toBe(false);
  });

  it('follows the timezone: Friday 17:00 in Berlin is 16:00 UTC in winter', () => {
    const friday = { enabled: true, weekday: 'fri', hour: 17, timezone: 'Europe/Berlin' } as const;
    expect(isDigestDue(new Date('2026-11-27T15:59:00Z'), friday, '2026-11-16')).toBe(false);
    expect(isDigestDue(new Date('2026-11-27T16:00:00Z'), friday, '2026-11-16')).toBe(true);
  });
});
