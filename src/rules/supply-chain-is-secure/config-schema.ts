import { z } from 'zod';
import { createRuleOptionsShape, severitySchema } from '../rule-options-shape.js';
import { supplyChainKindNames } from './supply-chain-kinds.js';

/** Options of `supply-chain-is-secure`; a finding keeps the analysis' severity, capped by the rule's `severity`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('error'),
  // Not the findings' severity, as for other rules: a cap. Each finding keeps the severity the analysis gave it
  // (most are `warning`; script injection, dangerous triggers and write-all permissions are `error`).
  severity: severitySchema
    .default('error')
    .describe(
      'The highest severity a finding may have (`info`, `warning` or `error`): each finding keeps the severity the analysis gave it — most are `warning` — up to this cap.',
    ),
  minSeverity: severitySchema
    .default('warning')
    .describe('Report supply-chain findings of this severity and above (`info`, `warning`, `error`).'),
  ignoreKinds: z
    .array(z.enum(supplyChainKindNames))
    .default([])
    .describe(`Supply-chain finding kinds not to report: ${supplyChainKindNames.map((k) => `\`${k}\``).join(', ')}.`),
});

export type SupplyChainOptions = z.output<typeof configSchema>;
