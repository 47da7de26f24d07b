import { z } from 'zod';
import { createRuleOptionsShape, threshold } from '../rule-options-shape.js';

/** Options of `commitments-dont-change`; its findings are `info` by default, since change itself is healthy. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('info'),
  maxBreakingChangesMerged: threshold(0, 'Fire when more breaking changes than this were merged in the window.'),
  maxRegressionsOpened: threshold(3, 'Fire when more regression issues than this were opened in the window.'),
  maxStaleOwners: threshold(0, 'Fire when an area lists more owners than this who have been inactive for 365 days.'),
});

export type CommitmentsOptions = z.output<typeof configSchema>;
