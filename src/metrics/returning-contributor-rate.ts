import { isWithin } from './activity-facts.js';
import { roundMetric } from './distribution.js';
import type { MetricContext } from './metric-context.js';
import type { ReturningRate } from './types.js';

const DAY_MS = 86_400_000;

/**
 * `returning_contributor_rate_90d`: the cohort is the human authors whose first PR started (see
 * `first_time_contributors`) in the window of the same length that ends `returningWithinDays` (90) days before `to`;
 * `returned` opened a second PR within 90 days of that start. Every cohort member has had the full 90 days by `to`.
 * `rate` is `null` for an empty cohort. `null` ("history too short") when the history cannot tell whether some
 * author's first stored PR in the cohort's window was their first, or the cohort's window starts before the store
 * holds every PR (see `first_time_contributors`).
 */
export function computeReturningContributorRate(context: MetricContext): ReturningRate | null {
  const { fromMs, toMs, returningWithinDays } = context.options;
  const span = returningWithinDays * DAY_MS;
  if (fromMs - span < context.index.completeSinceMs) return null;
  let cohort = 0;
  let returned = 0;
  for (const pr of context.index.pullRequests) {
    if (!isWithin(pr.startMs, fromMs - span, toMs - span)) continue;
    if (pr.firstOfAuthorUnknown) return null;
    if (!pr.firstOfAuthor) continue;
    cohort += 1;
    const second = context.index.authors.get(pr.record.author)?.secondCreatedMs ?? null;
    if (second !== null && second - pr.startMs <= span) returned += 1;
  }
  return { cohort, returned, rate: cohort === 0 ? null : roundMetric(returned / cohort) };
}
