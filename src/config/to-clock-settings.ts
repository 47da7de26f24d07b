import type { ClockSettings } from '../metrics/clock.js';
import { type ClockConfig, weekdays } from './clock-config-schema.js';

/** The config's `clock` as the metrics take it: weekday names become ISO weekday numbers (mon = 1 … sun = 7). */
export function toClockSettings(clock: ClockConfig): ClockSettings {
  if (clock === 'calendar') return { kind: 'calendar' };
  return {
    kind: 'business',
    timezone: clock.timezone,
    workingDays: clock.workingDays.map((day) => weekdays.indexOf(day) + 1),
    workingHours: clock.workingHours,
  };
}
