import { isWithin } from './activity-facts.js';
import type { MetricContext } from './metric-context.js';

/**
 * `first_time_contributors`: human authors whose first PR in the repository (by creation) started in the window —
 * the spec's start: its creation, or for a PR opened as a draft its first `ready_for_review`; a first PR still a
 * draft has not started. In an area's index, those whose first PR is in the area. `null` ("history too short") when
 * an author's first stored PR started in the window and the history cannot tell whether it was their first
 * (`firstOfAuthorUnknown`), or when the window starts before the store holds every PR (`completeSinceMs`): never a
 * count that may include veterans whose earlier PRs predate the store, or miss newcomers it never saw.
 */
export function computeFirstTimeContributors(context: MetricContext): number | null {
  const { fromMs, toMs } = context.options;
  if (fromMs < context.index.completeSinceMs) return null;
  const started = context.index.pullRequests.filter((pr) => isWithin(pr.startMs, fromMs, toMs));
  if (started.some((pr) => pr.firstOfAuthorUnknown)) return null;
  return started.filter((pr) => pr.firstOfAuthor).length;
}
