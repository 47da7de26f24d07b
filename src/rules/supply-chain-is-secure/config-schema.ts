import { z } from 'zod';
import { createRuleOptionsShape, severitySchema } from '../rule-options-shape.js';
import { supplyChainKindNames } from './supply-chain-kinds.js';

/** Options of `supply-chain-is-secure`; every finding it reports gets the rule's `severity`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('error'),
  minSeverity: severitySchema
    .default('error')
    .describe('Report supply-chain findings of this severity and above (`info`, `warning`, `error`).'),
  ignoreKinds: z
    .array(z.enum(supplyChainKindNames))
    .default([])
    .describe(`Supply-chain finding kinds not to report: ${supplyChainKindNames.map((k) => `\`${k}\``).join(', ')}.`),
});

export type SupplyChainOptions = z.output<typeof configSchema>;
