import type { MetricSet } from './types.js';

/**
 * The repository's figures a pull request's check run and comment show next to the touched areas' (the current
 * window only): the check run's area table and the welcome's fallback expectation.
 */
export const REPOSITORY_FIGURES = [
  'pr_time_to_first_response_hours',
  'pr_time_to_first_review_hours',
  'pr_time_to_merge_hours',
  'open_review_requests',
  'active_reviewers',
  'workload_per_active_reviewer',
] as const satisfies ReadonlyArray<keyof MetricSet>;

export type RepositoryFigures = Pick<MetricSet, (typeof REPOSITORY_FIGURES)[number]>;

/** Just the {@link REPOSITORY_FIGURES} of a metric set, so a view holds what it shows and nothing else. */
export function pickRepositoryFigures(metrics: RepositoryFigures): RepositoryFigures {
  return {
    pr_time_to_first_response_hours: metrics.pr_time_to_first_response_hours,
    pr_time_to_first_review_hours: metrics.pr_time_to_first_review_hours,
    pr_time_to_merge_hours: metrics.pr_time_to_merge_hours,
    open_review_requests: metrics.open_review_requests,
    active_reviewers: metrics.active_reviewers,
    workload_per_active_reviewer: metrics.workload_per_active_reviewer,
  };
}
