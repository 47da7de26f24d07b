/** Shared types of the fallacy rules: what a rule is given and what it returns. */
import type { ItemListName } from '../metrics/list-metric-items.js';
import type { MetricSet, ReportItem } from '../metrics/types.js';
import type { SupplyChainFinding } from '../supply-chain/types.js';

export type Severity = 'info' | 'warning' | 'error';

/** Numbers (and short lists) that made a rule fire; typed values, never strings to parse back. */
export type Evidence = Record<string, number | string | boolean | null | string[] | number[]>;

/**
 * What an evidence value measures, declared where the evidence is produced (the rule's `metadata.evidenceUnits`, or
 * the finding's own `units` for a key whose unit differs between checks): renderers format by it, never by the key's
 * name. `hours` and `days`: durations; `share`: a fraction 0–1; `count`: things counted; `number`: a plain number (a
 * ratio, a factor); `line`: line numbers in a file; `text`: words (a string, or a list of logins, areas, kinds);
 * `flag`: yes or no.
 */
export type EvidenceUnit = 'hours' | 'days' | 'share' | 'count' | 'number' | 'line' | 'text' | 'flag';

/** The unit of each key of a finding's evidence. */
export type EvidenceUnits = Record<string, EvidenceUnit>;

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
  /** The unit of every `evidence` key (report@1, additive): `hours`, `days`, `share` (0–1), `count`, `number`, … */
  units: EvidenceUnits;
  /** "The Reality" from the talk, plus what to do. */
  advice: string;
  location?: FindingLocation;
  /**
   * The countable things behind the finding (report@1, additive), exactly those its count counts, in reading order
   * (longest wait first, then oldest first). Present only on findings built on countable things.
   */
  items?: ReportItem[];
  /** A GitHub search that shows the whole list (it may also show bots' items the count leaves out). */
  items_url?: string;
}

/** The lists a rule can attach to a finding: a count metric's items, or an area's stale owners with their last activity. */
export type RuleItemList = ItemListName | 'stale_owners';

/** A list of items and, where GitHub can show the whole list, a search link to it. */
export interface ItemList {
  items: ReportItem[];
  url?: string;
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
  /**
   * The items behind a count of the repository (`area` `null`) or of an area, exactly the records the metric counted,
   * for the window of `repo.metrics` / `areas[].metrics`. Computed on demand (only for findings that fire); absent
   * when the caller has no records (findings then carry no items).
   */
  listItems?: (area: string | null, list: RuleItemList) => ItemList;
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
  /** What the check judges, from the rule's metadata, for people. */
  description?: string;
  /** Plain-text reason, e.g. `only 4 of the 5 samples needed`. */
  reason: string;
  /** The sample size and the minimum it was held against. */
  evidence: Evidence;
}

/** What one rule's `evaluate` returns. */
export interface RuleResult {
  findings: Finding[];
  insufficientData: InsufficientData[];
}
