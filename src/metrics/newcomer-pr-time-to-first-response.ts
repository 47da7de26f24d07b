import { summarizeFirstResponseHours } from './pr-time-to-first-response.js';
import type { MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/** `newcomer_pr_time_to_first_response_hours`: `pr_time_to_first_response_hours` over authors' first PRs only. */
export function computeNewcomerPrTimeToFirstResponse(context: MetricContext): Distribution {
  return summarizeFirstResponseHours(context, (pr) => pr.firstOfAuthor);
}
