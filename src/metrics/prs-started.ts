import { isWithin } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `prs_started`: PRs whose start (`created_at`, or first `ready_for_review` for drafts) is in the window. */
export function computePrsStarted(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter((pr) => isWithin(pr.startMs, fromMs, toMs) && countsAsContribution(pr))
    .length;
}
