import { isOpenAt } from './activity-facts.js';
import { hasAnyLabel } from './has-any-label.js';
import type { MetricContext } from './metric-context.js';

/**
 * `open_release_blockers`: issues and PRs open at `to` that carry a release-blocker label (`releaseBlockerLabels`),
 * whoever opened them (a bot's flaky-test report can block a release too). Labels as the item carries them now.
 */
export function computeOpenReleaseBlockers(context: MetricContext): number {
  const { toMs, releaseBlockerLabels } = context.options;
  const blocking = (item: { createdMs: number; closedMs: number | null; record: { labels: string[] } }) =>
    isOpenAt(item, toMs) && hasAnyLabel(item.record.labels, releaseBlockerLabels);
  return context.index.issues.filter(blocking).length + context.index.pullRequests.filter(blocking).length;
}
