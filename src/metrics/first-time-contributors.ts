import { isWithin } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * `first_time_contributors`: human authors whose first PR in the repository (by creation) started in the window —
 * the spec's start: its creation, or for a PR opened as a draft its first `ready_for_review`; a first PR still a
 * draft has not started. In an area's index, those whose first PR is in the area.
 */
export function computeFirstTimeContributors(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter((pr) => pr.firstOfAuthor && isWithin(pr.startMs, fromMs, toMs)).length;
}
