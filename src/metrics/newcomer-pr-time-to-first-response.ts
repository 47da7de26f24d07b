import { summarizeFirstResponseHours } from './pr-time-to-first-response.js';
import type { MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/**
 * `newcomer_pr_time_to_first_response_hours`: `pr_time_to_first_response_hours` over authors' first PRs only. `null`
 * ("history too short") when a PR it would consider is an author's first stored PR that the history cannot tell
 * about, or the window starts before the store holds every PR (see `first_time_contributors`).
 */
export function computeNewcomerPrTimeToFirstResponse(context: MetricContext): Distribution | null {
  if (context.options.fromMs < context.index.completeSinceMs) return null;
  let unknown = false;
  const summary = summarizeFirstResponseHours(context, (pr) => {
    if (pr.firstOfAuthorUnknown) unknown = true;
    return pr.firstOfAuthor;
  });
  return unknown ? null : summary;
}
