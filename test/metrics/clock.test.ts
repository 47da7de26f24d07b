import { describe, expect, it } from 'vitest';
import { createBusinessClock, createClock, measureElapsedHours } from '../../src/metrics/clock.js';

const hoursBetween = (clock: ReturnType<typeof createClock>, from: string, to: string) =>
  measureElapsedHours(clock, new Date(from), new Date(to));

const weekdays = [1, 2, 3, 4, 5];

describe('calendar clock', () => {
  it('counts every hour, the default', () => {
    expect(hoursBetween(createClock(), '2026-11-20T16:00:00Z', '2026-11-23T10:00:00Z')).toBe(66);
    expect(hoursBetween(createClock({ kind: 'calendar' }), '2026-11-20T16:00:00Z', '2026-11-20T17:30:00Z')).toBe(1.5);
  });
});

describe('business clock', () => {
  const utcOffice = createBusinessClock({ kind: 'business', timezone: 'UTC', workingDays: weekdays, workingHours: { start: 9, end: 17 } });

  it.each([
    { case: 'within one working day', from: '2026-11-23T10:00:00Z', to: '2026-11-23T12:30:00Z', hours: 2.5 },
    { case: 'Friday 16:00 to Monday 10:00 skips the weekend', from: '2026-11-20T16:00:00Z', to: '2026-11-23T10:00:00Z', hours: 2 },
    { case: 'overnight counts only working hours', from: '2026-11-23T16:00:00Z', to: '2026-11-24T09:30:00Z', hours: 1.5 },
    { case: 'a weekend counts nothing', from: '2026-11-21T08:00:00Z', to: '2026-11-22T20:00:00Z', hours: 0 },
    { case: 'before and after hours count nothing', from: '2026-11-23T17:00:00Z', to: '2026-11-24T09:00:00Z', hours: 0 },
    { case: 'two full weeks', from: '2026-11-02T00:00:00Z', to: '2026-11-16T00:00:00Z', hours: 80 },
    { case: 'reversed instants are negative', from: '2026-11-23T12:00:00Z', to: '2026-11-23T10:00:00Z', hours: -2 },
  ])('$case', ({ from, to, hours }) => {
    expect(hoursBetween(utcOffice, from, to)).toBeCloseTo(hours, 9);
  });

  it('keeps a working day at its wall-clock length across the spring DST change (Europe/Berlin)', () => {
    const berlin = createBusinessClock({ kind: 'business', timezone: 'Europe/Berlin', workingDays: weekdays, workingHours: { start: 9, end: 17 } });
    // Friday 27 March 2026 09:00 CET → Monday 30 March 09:00 CEST (DST began on Sunday 29 March).
    expect(hoursBetween(berlin, '2026-03-27T08:00:00Z', '2026-03-30T07:00:00Z')).toBeCloseTo(8, 9);
    // Monday 09:00–17:00 CEST is 07:00–15:00 UTC.
    expect(hoursBetween(berlin, '2026-03-30T07:00:00Z', '2026-03-30T15:00:00Z')).toBeCloseTo(8, 9);
    expect(hoursBetween(berlin, '2026-03-30T06:00:00Z', '2026-03-30T07:00:00Z')).toBe(0);
  });

  it('with every hour of every day working, matches calendar time across the autumn change (America/New_York)', () => {
    const always = createBusinessClock({
      kind: 'business',
      timezone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: { start: 0, end: 24 },
    });
    // Sunday 1 November 2026 lasted 25 hours in New York.
    expect(hoursBetween(always, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z')).toBeCloseTo(25, 9);
    expect(hoursBetween(always, '2026-10-30T12:34:00Z', '2026-11-03T01:02:00Z')).toBeCloseTo(
      (Date.parse('2026-11-03T01:02:00Z') - Date.parse('2026-10-30T12:34:00Z')) / 3_600_000,
      9,
    );
  });

  it('places working hours in a half-hour offset zone (Asia/Kolkata, UTC+05:30)', () => {
    const kolkata = createBusinessClock({ kind: 'business', timezone: 'Asia/Kolkata', workingDays: weekdays, workingHours: { start: 9, end: 17 } });
    expect(hoursBetween(kolkata, '2026-11-23T03:00:00Z', '2026-11-23T04:00:00Z')).toBeCloseTo(0.5, 9);
    expect(hoursBetween(kolkata, '2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z')).toBeCloseTo(8, 9);
  });

  it('shifts working hours that fall in a DST gap forward by the gap', () => {
    const night = createBusinessClock({
      kind: 'business',
      timezone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: { start: 2, end: 4 },
    });
    // 29 March 2026: 02:00 does not exist in Berlin, so the day's working time is 03:00–04:00 CEST.
    expect(hoursBetween(night, '2026-03-28T22:00:00Z', '2026-03-29T22:00:00Z')).toBeCloseTo(1, 9);
    expect(hoursBetween(night, '2026-03-29T22:00:00Z', '2026-03-30T22:00:00Z')).toBeCloseTo(2, 9);
  });

  it('rejects impossible working hours and unknown timezones', () => {
    expect(() => createBusinessClock({ kind: 'business', timezone: 'UTC', workingDays: weekdays, workingHours: { start: 17, end: 9 } })).toThrow(RangeError);
    expect(() => createBusinessClock({ kind: 'business', timezone: 'Mars/Olympus', workingDays: weekdays, workingHours: { start: 9, end: 17 } })).toThrow();
  });
});
