import { z } from 'zod';
import { createRuleOptionsShape, minimumSample, threshold } from '../rule-options-shape.js';

/** Options of `compromise-is-rare`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('warning'),
  maxMergedOverChangeRequest: threshold(
    0,
    'Fire when more PRs than this were merged while a reviewer’s latest review requested changes.',
  ),
  maxContestedPrs: threshold(3, 'Fire when more open PRs than this have both an approval and a change request.'),
  minActiveReviewers: minimumSample(2, 'Fire when an area has fewer active reviewers (90 days) than this.'),
  minPrsStarted: minimumSample(3, 'Fewest PRs started in the window before an area’s quorum is judged.'),
});

export type CompromiseOptions = z.output<typeof configSchema>;
