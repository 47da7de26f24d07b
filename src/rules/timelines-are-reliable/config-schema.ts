import { z } from 'zod';
import { createRuleOptionsShape, minimumSample, threshold } from '../rule-options-shape.js';

/** Options of `timelines-are-reliable`. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('warning'),
  maxOverdueMilestones: threshold(0, 'Fire when more open milestones than this are past their due date.'),
  maxMilestoneSlipDays: threshold(14, 'Fire when closed milestones closed a median of more than this many days late.'),
  maxOpenReleaseBlockers: threshold(0, 'Fire when more issues and PRs than this carry a release-blocker label (`labels.releaseBlocker`).'),
  minClosedMilestones: minimumSample(3, 'Fewest closed milestones with a due date before the slip is judged.'),
  maxReleaseDelayFactor: threshold(
    1.5,
    'Fire when the days since the last release exceed this multiple of the median interval between releases.',
  ),
  minReleaseIntervals: minimumSample(3, 'Fewest intervals between releases before the cadence is judged.'),
  maxRevertShare: threshold(0.05, 'Fire when reverts are more than this share of the PRs merged in the window.'),
  minMergedPrs: minimumSample(20, 'Fewest merged PRs in the window before the revert share is judged.'),
});

export type TimelinesOptions = z.output<typeof configSchema>;
