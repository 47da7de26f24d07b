/** The `report --json` contract (`schema: "fallacy-watch/report@1"`), see `shared/spec/fallacies.md`. */
import type { MetricSet } from '../metrics/types.js';
import type { AreaMetrics, Finding, InsufficientData, ReviewerLoad } from '../rules/types.js';

export interface Report {
  schema: 'fallacy-watch/report@1';
  /** `owner/name` */
  repository: string;
  /** ISO time the report describes (the window's end). */
  generated_at: string;
  window: { from: string; to: string; previous_from: string };
  repo: { metrics: MetricSet; previous: MetricSet };
  areas: AreaMetrics[];
  reviewers: ReviewerLoad[];
  /** Tracked files no owner covers at the default branch head; `null` when the file tree is unknown. */
  unowned_paths: string[] | null;
  findings: Finding[];
  /**
   * Checks the enabled rules could not judge (no data, or a sample under the rule's minimum), per rule, area and
   * check, with the reason. Always set by `buildReport`; optional for reports built by hand.
   */
  not_judged?: InsufficientData[];
  /** Findings a `suppress` entry silenced, with the entry's reason and `until` (`null`: no end). */
  suppressed?: SuppressedFindingEntry[];
}

/** One silenced finding as the report carries it. */
export interface SuppressedFindingEntry {
  finding: Finding;
  reason: string;
  until: string | null;
}
