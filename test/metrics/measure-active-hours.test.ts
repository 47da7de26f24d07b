import { describe, expect, it } from 'vitest';
import { createCalendarClock } from '../../src/metrics/clock.js';
import { indexActivity } from '../../src/metrics/index-activity.js';
import { isDraftAt, measureActiveHours } from '../../src/metrics/measure-active-hours.js';
import { anActivity, anEvent, aPullRequest, t } from './builders.js';

const ms = (hours: number) => Date.parse(t(hours));
const pr = indexActivity(
  anActivity({
    pullRequests: [aPullRequest({ number: 1, createdAt: t(0) })],
    events: [anEvent(1, 'converted_to_draft', t(10)), anEvent(1, 'ready_for_review', t(20)), anEvent(1, 'converted_to_draft', t(30))],
  }),
).pullRequests[0]!;
const clock = createCalendarClock();

describe('measureActiveHours (draft time excluded)', () => {
  it.each([
    { from: 0, to: 5, hours: 5 },
    { from: 0, to: 15, hours: 10 },
    { from: 0, to: 25, hours: 15 },
    { from: 0, to: 100, hours: 20 },
    { from: 12, to: 22, hours: 2 },
    { from: 5, to: 5, hours: 0 },
    { from: 5, to: 1, hours: 0 },
  ])('$from h → $to h is $hours active hours', ({ from, to, hours }) => {
    expect(measureActiveHours(pr, clock, ms(from), ms(to))).toBe(hours);
  });

  it.each([
    { at: 5, draft: false },
    { at: 10, draft: true },
    { at: 20, draft: false },
    { at: 40, draft: true },
  ])('isDraftAt $at h → $draft', ({ at, draft }) => {
    expect(isDraftAt(pr, ms(at))).toBe(draft);
  });
});
