import { z } from 'zod';

/** Weekday names as the config writes them, Monday first (ISO order). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof weekdays)[number];

/** A weekday name. */
export const weekdaySchema = z.enum(weekdays);

/** `true` for an IANA timezone name this runtime knows (`Europe/Berlin`, `UTC`). */
export function isKnownTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA timezone name, checked against the runtime's timezone database. */
export const timezoneSchema = z.string().refine(isKnownTimezone, { error: 'unknown IANA timezone' });

/** Working time in one timezone: only these hours of these days count towards latencies. */
export const businessClockSchema = z.strictObject({
  type: z.literal('business').describe('`business`: count working hours only.'),
  timezone: timezoneSchema.default('UTC').describe('IANA timezone of the working hours, e.g. `Europe/Berlin`.'),
  workingDays: z
    .array(weekdaySchema)
    .min(1)
    .default(['mon', 'tue', 'wed', 'thu', 'fri'])
    .describe('Working days: `mon` … `sun`.'),
  workingHours: z
    .strictObject({
      start: z.number().min(0).max(24).default(9).describe('Start of the working day, hours since midnight.'),
      end: z.number().min(0).max(24).default(17).describe('End of the working day, hours since midnight.'),
    })
    .refine((hours) => hours.start < hours.end, { error: '`start` must be before `end`' })
    .prefault({})
    .describe('Working hours in local time, e.g. `{ start: 9, end: 17 }`.'),
});

/** `calendar` (every hour counts, the default) or a business clock. */
export const clockConfigSchema = z
  .union([z.literal('calendar'), businessClockSchema], {
    error: 'expected `calendar` or `{ type: business, timezone, workingDays, workingHours }`',
  })
  .default('calendar')
  .describe(
    'How durations are counted: `calendar` (every hour) or `{ type: business, timezone, workingDays, workingHours }` ' +
      '(working hours only).',
  );

export type ClockConfig = z.output<typeof clockConfigSchema>;
