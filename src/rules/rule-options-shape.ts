import { z } from 'zod';
import type { Severity } from './types.js';

/** The severities, mildest first. */
export const severities = ['info', 'warning', 'error'] as const satisfies readonly Severity[];

/** The zod schema of a severity. */
export const severitySchema = z.enum(severities);

/**
 * The `enabled` and `severity` options every rule's schema starts with; spread it into the rule's `z.strictObject`.
 * @param severity - the severity the rule's findings get unless the config says otherwise
 */
export function createRuleOptionsShape(severity: Severity) {
  return {
    enabled: z.boolean().default(true).describe('Run this rule.'),
    severity: severitySchema.default(severity).describe('Severity of the findings: `info`, `warning` or `error`.'),
  };
}

/** A non-negative threshold with its default and its documentation. */
export function threshold(defaultValue: number, description: string) {
  return z.number().min(0).default(defaultValue).describe(description);
}

/** A minimum sample size (a non-negative integer) with its default and its documentation. */
export function minimumSample(defaultValue: number, description: string) {
  return z.number().int().min(0).default(defaultValue).describe(description);
}
