/** Shared types of the fallacy rules: what a rule is given and what it returns. */
import type { MetricSet } from '../metrics/types.js';
import type { SupplyChainFinding } from '../supply-chain/types.js';

export type Severity = 'info' | 'warning' | 'error';

/** Numbers (and short lists) that made a rule fire; typed values, never strings to parse back. */
export type Evidence = Record<string, number | string | boolean | null | string[] | number[]>;

/** A file position a finding points at, for check-run annotations. */
export interface FindingLocation {
  path: string;
  startLine: number;
  endLine: number;
}

export interface Finding {
  /** Rule id, e.g. `feedback-loops-are-tight`. */
  rule: string;
  /** Fallacy number 1–8. */
  fallacy: number;
  /** Area name, or `null` for a repository-wide finding. */
  area: string | null;
  severity: Severity;
  /** One line, plain text (logins appear as data, never as mentions). */
  title: string;
  evidence: Evidence;
  /** "The Reality" from the talk, plus what to do. */
  advice: string;
  location?: FindingLocation;
}

/** Metrics of one area, as the report carries them. */
export interface AreaMetrics {
  area: string;
  source: string;
  owners: string[];
  metrics: MetricSet;
  previous: MetricSet;
}

export interface ReviewerLoad {
  login: string;
  open_review_requests: number;
  reviews_90d: number;
}

/** Everything a rule may look at. Pure data: no clock, no I/O. */
export interface RuleInput {
  repository: string;
  now: Date;
  repo: { metrics: MetricSet; previous: MetricSet };
  areas: AreaMetrics[];
  reviewers: ReviewerLoad[];
  /** `null` when the supply chain has not been analysed (no workflow data). */
  supplyChain: SupplyChainFinding[] | null;
}

/**
 * A check a rule could not judge: its metric is missing (`null`) or its sample is below the rule's minimum. Reports
 * show these instead of findings so a quiet report on tiny samples is not mistaken for a healthy one.
 */
export interface InsufficientData {
  rule: string;
  fallacy: number;
  /** Area name, or `null` for the repository. */
  area: string | null;
  /** The check inside the rule, e.g. `first-review-latency`. */
  check: string;
  /** Plain-text reason, e.g. `4 samples, fewer than the minimum of 5`. */
  reason: string;
  /** The sample size and the minimum it was held against. */
  evidence: Evidence;
}

/** What one rule's `evaluate` returns. */
export interface RuleResult {
  findings: Finding[];
  insufficientData: InsufficientData[];
}
