import { z } from 'zod';
import { ruleIds } from '../rules/registry.js';

/** A date (`2026-12-31`, suppressed through that day, UTC) or a date-time with offset. */
const untilSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (`2026-12-31`) or a date-time (`2026-12-31T12:00:00Z`)',
});

/** Silences a rule's findings, in one area or everywhere, until a date, for a stated reason. */
export const suppressEntrySchema = z.strictObject({
  rule: z.enum(ruleIds as [string, ...string[]]).describe('The rule id whose findings to suppress.'),
  area: z
    .string()
    .min(1)
    .optional()
    .describe('Only this area’s findings; leave out to suppress the rule’s findings everywhere.'),
  until: untilSchema
    .optional()
    .describe('Suppress until this date (inclusive, UTC) or date-time; leave out to suppress indefinitely.'),
  reason: z.string().min(1).describe('Why: reports show it next to the suppressed count.'),
});

export type SuppressEntry = z.output<typeof suppressEntrySchema>;
