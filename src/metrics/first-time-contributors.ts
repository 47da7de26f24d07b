import { isWithin } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * `first_time_contributors`: human authors whose first PR in the repository was opened in the window. In an area's
 * index, those whose first PR is in the area. A contributor arrives when they open their first PR, draft or not.
 */
export function computeFirstTimeContributors(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  return context.index.pullRequests.filter((pr) => pr.firstOfAuthor && isWithin(pr.createdMs, fromMs, toMs)).length;
}
