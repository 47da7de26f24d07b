import { z } from 'zod';
import type { RuleOptionsBase } from '../rules/fallacy-rule.js';
import { rules } from '../rules/registry.js';

/** `rules:`: per rule id, that rule's own options schema (with its defaults), built from the registry. */
export const rulesConfigSchema = z
  .strictObject(
    Object.fromEntries(
      rules.map((rule) => [
        rule.metadata.id,
        rule.configSchema.prefault({}).describe(`Fallacy ${rule.metadata.fallacy}: ${rule.metadata.title}.`),
      ]),
    ),
  )
  .prefault({})
  .describe('Per rule id: `enabled`, `severity` and the rule’s thresholds (see docs/rules.md).');

/** Parsed `rules:`; each value is the output of its rule's `configSchema`. */
export type RulesConfig = Record<string, RuleOptionsBase>;
