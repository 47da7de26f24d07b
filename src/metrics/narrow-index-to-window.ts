import type { ActivityIndex } from './index-activity.js';
import type { ResolvedMetricOptions } from './metric-options.js';

const DAY_MS = 86_400_000;

/**
 * Leaves out the PRs and issues no metric of this window can see: created at or after `to`, or closed with their
 * last activity (`lastActivityMs`) before the earliest instant any metric looks at (the window's start, the
 * reviewer look-back, the returning-contributor cohort). Over years of history this keeps a few thousand of a
 * hundred thousand PRs, so each metric's pass is short. Every metric gives the same result on the narrowed index.
 */
export function narrowIndexToWindow(index: ActivityIndex, options: ResolvedMetricOptions): ActivityIndex {
  const { fromMs, toMs } = options;
  const sinceMs = Math.min(fromMs, toMs - options.reviewerActivityDays * DAY_MS, fromMs - options.returningWithinDays * DAY_MS);
  const visible = (item: { createdMs: number; lastActivityMs: number }) => item.createdMs < toMs && item.lastActivityMs >= sinceMs;
  return { ...index, pullRequests: index.pullRequests.filter(visible), issues: index.issues.filter(visible) };
}
