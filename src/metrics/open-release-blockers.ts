import { isOpenAt, type IssueFacts, type PullRequestFacts } from './activity-facts.js';
import { hasAnyLabel } from './has-any-label.js';
import type { MetricContext } from './metric-context.js';

/**
 * The issues and PRs `open_release_blockers` counts: open at `to` with a release-blocker label
 * (`releaseBlockerLabels`), whoever opened them (a bot's flaky-test report can block a release too). Labels as the
 * item carries them now.
 */
export function selectOpenReleaseBlockers(context: MetricContext): { issues: IssueFacts[]; pullRequests: PullRequestFacts[] } {
  const { toMs, releaseBlockerLabels } = context.options;
  const blocking = (item: { createdMs: number; closedMs: number | null; record: { labels: string[] } }) =>
    isOpenAt(item, toMs) && hasAnyLabel(item.record.labels, releaseBlockerLabels);
  return { issues: context.index.issues.filter(blocking), pullRequests: context.index.pullRequests.filter(blocking) };
}

/** `open_release_blockers`: how many issues and PRs `selectOpenReleaseBlockers` lists. */
export function computeOpenReleaseBlockers(context: MetricContext): number {
  const { issues, pullRequests } = selectOpenReleaseBlockers(context);
  return issues.length + pullRequests.length;
}
