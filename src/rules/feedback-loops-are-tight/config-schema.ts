import { z } from 'zod';
import { createRuleOptionsShape, minimumSample, threshold } from '../rule-options-shape.js';

/** Options of `feedback-loops-are-tight`; latencies are median hours. */
export const configSchema = z.strictObject({
  ...createRuleOptionsShape('warning'),
  maxPrFirstResponseHours: threshold(48, 'Fire when the median time to first response on PRs exceeds this many hours.'),
  maxFirstReviewHours: threshold(72, 'Fire when the median time to first review exceeds this many hours.'),
  maxTimeToMergeHours: threshold(336, 'Fire when the median time to merge exceeds this many hours (336 h = 14 days).'),
  maxReviewRequestTurnaroundHours: threshold(
    72,
    'Fire when the median turnaround of review requests exceeds this many hours.',
  ),
  maxIssueFirstResponseHours: threshold(
    72,
    'Fire when the median time to first response on issues exceeds this many hours.',
  ),
  maxReviewWaitHours: threshold(
    336,
    'Fire when the PRs waiting on their reviewers have waited longer than this many hours, median, since their start or the author’s answer to a change request (336 h = 14 days: a backlog’s age, like time to merge).',
  ),
  minSamples: minimumSample(5, 'Fewest PRs, requests or issues a median needs before the rule judges it.'),
  maxUnansweredPrs: threshold(10, 'Fire when more open PRs than this have had no response for `slaHours`.'),
  maxUnansweredIssues: threshold(20, 'Fire when more open issues than this have had no response for `slaHours`.'),
});

export type FeedbackLoopsOptions = z.output<typeof configSchema>;
