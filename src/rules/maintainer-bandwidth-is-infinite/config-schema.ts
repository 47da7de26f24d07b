import { z } from 'zod';
import { createRuleOptionsShape, minimumSample, threshold } from '../rule-options-shape.js';

/** Options of `maintainer-bandwidth-is-infinite`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('warning'),
  maxTopReviewerShare: threshold(0.5, 'Fire when one reviewer holds more than this share of an area’s reviews.'),
  minActiveReviewers: minimumSample(
    2,
    'Fewest active reviewers before concentration is judged (with one, it is a staffing finding instead).',
  ),
  minMergedPrs: minimumSample(5, 'Fewest PRs merged in the window before an area’s review concentration is judged.'),
  maxWorkloadPerActiveReviewer: threshold(
    10,
    'Fire when size-weighted open PRs per active reviewer exceed this (a 100–499 line PR weighs 2).',
  ),
  maxOpenReviewRequests: threshold(10, 'Fire when a reviewer has more pending review requests than this.'),
});

export type BandwidthOptions = z.output<typeof configSchema>;
