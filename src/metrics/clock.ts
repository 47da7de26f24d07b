/**
 * Clocks measure the hours between two instants. `calendar` counts every hour; `business` counts only the hours
 * that fall on a working day inside working hours, in wall-clock time of an IANA timezone (DST-correct: a working
 * day across a DST change still has its wall-clock length, e.g. 09:00–17:00 is 8 h either side of the change).
 */

/** Calendar time: every hour counts. The default. */
export interface CalendarClockSettings {
  kind: 'calendar';
}

/** Working time only. */
export interface BusinessClockSettings {
  kind: 'business';
  /** IANA timezone, e.g. `Europe/Berlin`. */
  timezone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Working hours in local wall-clock time, in hours since midnight (`start < end ≤ 24`), e.g. `{ start: 9, end: 17 }`. */
  workingHours: { start: number; end: number };
}

export type ClockSettings = CalendarClockSettings | BusinessClockSettings;

/** Measures elapsed time between two instants given as epoch milliseconds. */
export interface Clock {
  readonly kind: ClockSettings['kind'];
  /** Hours counted between `fromMs` and `toMs`; negative when `toMs < fromMs`. */
  measureHours(fromMs: number, toMs: number): number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A clock that counts every hour. */
export function createCalendarClock(): Clock {
  return { kind: 'calendar', measureHours: (fromMs, toMs) => (toMs - fromMs) / HOUR_MS };
}

/** Builds the clock the settings describe; `undefined` means calendar. Throws on an unknown timezone. */
export function createClock(settings?: ClockSettings): Clock {
  return settings === undefined || settings.kind === 'calendar' ? createCalendarClock() : createBusinessClock(settings);
}

/** Elapsed hours between two instants on a clock. */
export function measureElapsedHours(clock: Clock, from: Date, to: Date): number {
  return clock.measureHours(from.getTime(), to.getTime());
}

/** Returns `(instantMs) → offset in ms` (local wall time minus UTC) for an IANA timezone. */
function createOffsetReader(timezone: string): (instantMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (instantMs) => {
    const whole = Math.floor(instantMs / 1000) * 1000;
    const part: Record<string, number> = {};
    for (const { type, value } of format.formatToParts(whole)) part[type] = Number(value);
    const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
    return wall - whole;
  };
}

/**
 * A working-time clock. Working time up to an instant is a running total over local days; each local day's working
 * interval is computed once (two timezone look-ups) and cached, so a measurement costs two offset look-ups however
 * many days it spans. A wall time that does not exist (inside a spring-forward gap) is shifted forward by the gap's length.
 */
export function createBusinessClock(settings: BusinessClockSettings): Clock {
  const { start, end } = settings.workingHours;
  if (!(start >= 0 && end <= 24 && start < end)) {
    throw new RangeError(`working hours must satisfy 0 ≤ start < end ≤ 24, got ${start}–${end}`);
  }
  const offsetAt = createOffsetReader(settings.timezone);
  const workingDays = new Set(settings.workingDays);
  const toInstant = (wallMs: number): number => {
    const offset = offsetAt(wallMs - offsetAt(wallMs));
    const instant = wallMs - offset;
    const offsetThere = offsetAt(instant);
    // In a spring-forward gap the wall time does not exist: shift it forward by the gap (the smaller, earlier offset).
    return offsetThere === offset ? instant : wallMs - Math.min(offset, offsetThere);
  };
  /** Local day number (days since 1970-01-01 in local wall time) → working interval in epoch ms, or null. */
  const intervals = new Map<number, readonly [number, number] | null>();
  const intervalOf = (day: number): readonly [number, number] | null => {
    let interval = intervals.get(day);
    if (interval === undefined) {
      const isoWeekday = (((day + 3) % 7) + 7) % 7 + 1;
      interval = workingDays.has(isoWeekday)
        ? [toInstant(day * DAY_MS + start * HOUR_MS), toInstant(day * DAY_MS + end * HOUR_MS)]
        : null;
      intervals.set(day, interval);
    }
    return interval;
  };
  const lengthOf = (day: number): number => {
    const interval = intervalOf(day);
    return interval === null ? 0 : interval[1] - interval[0];
  };
  // Running totals around a fixed origin day (the first day asked about): forward[i] = working ms of days
  // [origin, origin + i), backward[i] = working ms of days [origin - i, origin). Both grow on demand.
  let origin: number | null = null;
  const forward = [0];
  const backward = [0];
  const workingBefore = (day: number): number => {
    origin ??= day;
    if (day >= origin) {
      while (forward.length <= day - origin) forward.push(forward.at(-1)! + lengthOf(origin + forward.length - 1));
      return forward[day - origin]!;
    }
    while (backward.length <= origin - day) backward.push(backward.at(-1)! + lengthOf(origin - backward.length));
    return -backward[origin - day]!;
  };
  /** Working ms from the cache's origin up to an instant. */
  const workingUpTo = (instantMs: number): number => {
    const day = Math.floor((instantMs + offsetAt(instantMs)) / DAY_MS);
    const interval = intervalOf(day);
    const within = interval === null ? 0 : Math.min(Math.max(instantMs, interval[0]), interval[1]) - interval[0];
    return workingBefore(day) + within;
  };
  return {
    kind: 'business',
    measureHours: (fromMs, toMs) => (workingUpTo(toMs) - workingUpTo(fromMs)) / HOUR_MS,
  };
}
