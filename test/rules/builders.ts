/** Builders for rule inputs: every metric `null` unless a test says otherwise. */
import type { Distribution, MetricSet } from '../../src/metrics/types.js';
import { EMPTY_METRIC_SET } from '../../src/render/empty-metric-set.js';
import type { AreaMetrics, ReviewerLoad, RuleInput } from '../../src/rules/types.js';
import type { SupplyChainFinding } from '../../src/supply-chain/types.js';

export const NOW = new Date('2026-11-22T00:00:00Z');

/** A metric set with every metric missing, then `overrides`. */
export function aMetricSet(overrides: Partial<MetricSet> = {}): MetricSet {
  return { ...EMPTY_METRIC_SET, ...overrides };
}

/** `{ n, p50, p90 }`; p90 defaults to twice the median. */
export function aDistribution(n: number, p50: number | null, p90: number | null = p50 === null ? null : p50 * 2): Distribution {
  return { n, p50, p90 };
}

/** An area with metrics for the window (and, optionally, the previous window). */
export function anArea(
  area: string,
  metrics: Partial<MetricSet>,
  options: { owners?: string[]; previous?: Partial<MetricSet>; source?: string } = {},
): AreaMetrics {
  return {
    area,
    source: options.source ?? 'config',
    owners: options.owners ?? [],
    metrics: aMetricSet(metrics),
    previous: aMetricSet(options.previous ?? {}),
  };
}

/** A rule input for `octo/widgets` at `NOW`; the repository's metrics and everything else are optional. */
export function aRuleInput(
  options: {
    repo?: Partial<MetricSet>;
    previous?: Partial<MetricSet>;
    areas?: AreaMetrics[];
    reviewers?: ReviewerLoad[];
    supplyChain?: SupplyChainFinding[] | null;
  } = {},
): RuleInput {
  return {
    repository: 'octo/widgets',
    now: NOW,
    repo: { metrics: aMetricSet(options.repo), previous: aMetricSet(options.previous) },
    areas: options.areas ?? [],
    reviewers: options.reviewers ?? [],
    supplyChain: options.supplyChain === undefined ? null : options.supplyChain,
  };
}
