import type { Distribution, MetricName, MetricSet } from '../metrics/types.js';
import type { FigureUnit } from './format-figure.js';

/** Which way a metric should move: latencies and backlogs down, reviewer counts and coverage up. */
export type GoodDirection = 'lower' | 'higher' | 'neither';

/** A metric as the report tables show it: one number picked from the metric set, with its unit and good direction. */
export interface KeyMetric {
  metric: MetricName;
  label: string;
  unit: FigureUnit;
  better: GoodDirection;
  /** The one number shown (a distribution's median, a rate's rate); `null` when the data is missing. */
  pick: (metrics: MetricSet) => number | null;
}

/** Metrics whose value is a latency distribution. */
type DistributionMetric = { [K in MetricName]: MetricSet[K] extends Distribution | null ? K : never }[MetricName];
/** Metrics whose value is one number. */
type NumberMetric = { [K in MetricName]: MetricSet[K] extends number | null ? K : never }[MetricName];

const median =
  (metric: DistributionMetric) =>
  (metrics: MetricSet): number | null =>
    metrics[metric]?.p50 ?? null;

const count =
  (metric: NumberMetric) =>
  (metrics: MetricSet): number | null =>
    metrics[metric] ?? null;

/** The key metrics of the digest's per-area tables, in display order. */
export const KEY_METRICS: readonly KeyMetric[] = [
  { metric: 'pr_time_to_first_response_hours', label: 'PR first response (median)', unit: 'hours', better: 'lower', pick: median('pr_time_to_first_response_hours') },
  { metric: 'pr_time_to_first_review_hours', label: 'PR first review (median)', unit: 'hours', better: 'lower', pick: median('pr_time_to_first_review_hours') },
  { metric: 'pr_time_to_merge_hours', label: 'PR time to merge (median)', unit: 'hours', better: 'lower', pick: median('pr_time_to_merge_hours') },
  { metric: 'issue_time_to_first_response_hours', label: 'Issue first response (median)', unit: 'hours', better: 'lower', pick: median('issue_time_to_first_response_hours') },
  { metric: 'unanswered_prs', label: 'Unanswered PRs', unit: 'count', better: 'lower', pick: count('unanswered_prs') },
  { metric: 'unanswered_issues', label: 'Unanswered issues', unit: 'count', better: 'lower', pick: count('unanswered_issues') },
  { metric: 'prs_started', label: 'PRs started', unit: 'count', better: 'neither', pick: count('prs_started') },
  { metric: 'prs_merged', label: 'PRs merged', unit: 'count', better: 'neither', pick: count('prs_merged') },
  { metric: 'open_review_requests', label: 'Open review requests', unit: 'count', better: 'lower', pick: count('open_review_requests') },
  { metric: 'active_reviewers', label: 'Active reviewers (90 d)', unit: 'count', better: 'higher', pick: count('active_reviewers') },
  { metric: 'workload_per_active_reviewer', label: 'Workload per active reviewer', unit: 'ratio', better: 'lower', pick: count('workload_per_active_reviewer') },
  { metric: 'top_reviewer_share', label: 'Top reviewer share', unit: 'share', better: 'lower', pick: count('top_reviewer_share') },
  { metric: 'first_time_contributors', label: 'First-time contributors', unit: 'count', better: 'higher', pick: count('first_time_contributors') },
  { metric: 'newcomer_pr_time_to_first_response_hours', label: 'Newcomer first response (median)', unit: 'hours', better: 'lower', pick: median('newcomer_pr_time_to_first_response_hours') },
  { metric: 'contested_prs', label: 'Contested PRs', unit: 'count', better: 'lower', pick: count('contested_prs') },
];

/** The key metric with this name (every `KEY_METRICS` entry); throws for a metric the tables do not show. */
export function getKeyMetric(metric: MetricName): KeyMetric {
  const found = KEY_METRICS.find((entry) => entry.metric === metric);
  if (!found) throw new Error(`not a key metric: ${metric}`);
  return found;
}
