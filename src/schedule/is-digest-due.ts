import { weekdays, type Weekday } from '../config/clock-config-schema.js';
import { formatDate, readLocalTime, toInstant } from './local-time.js';

/** When the weekly digest is posted: the config's `digest` block. */
export interface DigestSchedule {
  enabled: boolean;
  weekday: Weekday;
  /** 0–23, local time. */
  hour: number;
  /** IANA timezone of `weekday` and `hour`. */
  timezone: string;
}

/**
 * The digest week `now` falls in: the date (`YYYY-MM-DD`) of its Monday in `timeZone`. Weeks run Monday to Sunday
 * in local time, so a repository in `Pacific/Auckland` turns the week earlier than one in `UTC`.
 */
export function digestWeekOf(now: Date, timeZone: string): string {
  const local = readLocalTime(now, timeZone);
  return formatDate(local.year, local.month, local.day, -local.weekday);
}

/** The instant the digest of week `weekOf` is due: its configured weekday and hour, in its timezone. */
export function scheduledDigestTime(weekOf: string, schedule: Pick<DigestSchedule, 'weekday' | 'hour' | 'timezone'>): Date {
  const [year, month, day] = weekOf.split('-').map(Number) as [number, number, number];
  return toInstant(formatDate(year, month, day, weekdays.indexOf(schedule.weekday)), schedule.hour, schedule.timezone);
}

/**
 * Whether the digest should be posted now: it is enabled, this week's weekday and hour have come in its timezone,
 * and this week's digest (`digestWeekOf(now)`) is not the one posted last (`lastWeekOf`, `null` when unknown). A
 * digest missed while the app was down is posted later the same week, never for a week that has passed.
 */
export function isDigestDue(now: Date, schedule: DigestSchedule, lastWeekOf: string | null): boolean {
  if (!schedule.enabled) return false;
  const weekOf = digestWeekOf(now, schedule.timezone);
  if (weekOf === lastWeekOf) return false;
  return now.getTime() >= scheduledDigestTime(weekOf, schedule).getTime();
}
