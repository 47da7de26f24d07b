import { z } from 'zod';
import { createRuleOptionsShape, minimumSample, threshold } from '../rule-options-shape.js';

/** Options of `onboarding-is-free`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('warning'),
  minReturningRate: threshold(0.2, 'Fire when fewer than this share of first-time contributors come back.'),
  minCohort: minimumSample(10, 'Fewest first-time contributors in the cohort before the returning rate is judged.'),
  maxNewcomerResponseRatio: threshold(
    1.5,
    'Fire when first PRs wait more than this multiple of the median first response on all PRs (floored at 1 h).',
  ),
  minNewcomerSamples: minimumSample(5, 'Fewest first PRs with a response time before their wait is judged.'),
  maxAbandonedFirstPrShare: threshold(
    0.25,
    'Fire when first PRs closed without a response exceed this share of first-time contributors.',
  ),
  maxClosedByBotUnanswered: threshold(
    0,
    'Fire when more PRs and issues than this were closed by a bot (a stale lifecycle) before any human answered.',
  ),
  minFirstTimeContributors: minimumSample(5, 'Fewest first-time contributors before abandoned first PRs are judged.'),
});

export type OnboardingOptions = z.output<typeof configSchema>;
