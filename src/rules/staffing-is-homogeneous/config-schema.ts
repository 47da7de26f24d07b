import { z } from 'zod';
import { createRuleOptionsShape, minimumSample, threshold } from '../rule-options-shape.js';

/** Options of `staffing-is-homogeneous`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('warning'),
  maxDemandSpread: threshold(
    3,
    'Fire when an area’s workload per active reviewer exceeds this multiple of the median area’s.',
  ),
  minAreas: minimumSample(3, 'Fewest areas with a workload figure before areas are compared.'),
  minAbsenceFactor: minimumSample(2, 'Fire when fewer reviewers than this did more than half of an area’s reviews.'),
  minPrsStarted: minimumSample(3, 'Fewest PRs started in the window before an area’s reviewers are judged.'),
  minOwnersFileCoverage: threshold(0.5, 'Fire when a smaller share of the repository’s files than this has an owner.'),
});

export type StaffingOptions = z.output<typeof configSchema>;
