import type { ResponseSettings } from './classify-comment.js';
import { createClock, type Clock, type ClockSettings } from './clock.js';
import type { Window } from './types.js';

/**
 * What a metric set is computed with. Plain data; the config schema (`.github/fallacy-watch.yml`) maps onto it.
 * Units: hours for `slaHours`, days for `reviewerActivityDays` and `returningWithinDays`.
 */
export interface MetricOptions {
  /** `[from, to)` and the previous window. */
  window: Window;
  /** Logins treated as bots (case-insensitive). Used when an index is built from activity. */
  ignoreUsers?: string[];
  /** Which slash commands are reviews and which count as nothing. Used when an index is built from activity. */
  responses?: ResponseSettings;
  /** An open item with no response older than this (clock hours) at `to` is unanswered. Default 72. */
  slaHours?: number;
  /** How durations are counted. Default `{ kind: 'calendar' }`. */
  clock?: ClockSettings;
  /** Labels marking a merged PR as a breaking change (case-insensitive). */
  breakingChangeLabels?: string[];
  /** Labels marking an issue or PR as a regression report (case-insensitive). */
  regressionLabels?: string[];
  /** Labels marking an issue or PR as blocking the next release (case-insensitive). */
  releaseBlockerLabels?: string[];
  /** Reviewer activity look-back for `active_reviewers`, `top_reviewer_share`, `reviewer_absence_factor`. Default 90. */
  reviewerActivityDays?: number;
  /** A first-time contributor "returned" when their second PR was opened within this many days. Default 90. */
  returningWithinDays?: number;
  /** Release settings for `release_interval_days` and `days_since_last_release`. */
  releases?: {
    /** Count prereleases as releases. Default `false`. */
    includePrereleases?: boolean;
    /** How many of the latest intervals `release_interval_days` summarizes. Default 10. */
    intervalCount?: number;
  };
}

export const DEFAULT_BREAKING_CHANGE_LABELS = ['breaking-change', 'kind/api-change', 'api-change', 'kind/deprecation'];
export const DEFAULT_REGRESSION_LABELS = ['kind/regression', 'regression'];
export const DEFAULT_RELEASE_BLOCKER_LABELS = ['release-blocker', 'priority/release-blocker', 'kind/release-blocker'];

/** Options with every default filled in, the window in epoch ms, the clock built and label sets lower-cased. */
export interface ResolvedMetricOptions {
  window: Window;
  fromMs: number;
  toMs: number;
  slaHours: number;
  clock: Clock;
  breakingChangeLabels: ReadonlySet<string>;
  regressionLabels: ReadonlySet<string>;
  releaseBlockerLabels: ReadonlySet<string>;
  reviewerActivityDays: number;
  returningWithinDays: number;
  includePrereleases: boolean;
  releaseIntervalCount: number;
}

/** Days before a window's end whose reviews count a reviewer as active (reviewer absence factor). */
export const DEFAULT_REVIEWER_ACTIVITY_DAYS = 90;
/** Days within which a first-time contributor must open a second PR to count as returning. */
export const DEFAULT_RETURNING_WITHIN_DAYS = 90;

/** Fills in the defaults. Throws only on an unknown business-clock timezone (the config schema validates it first). */
export function resolveMetricOptions(options: MetricOptions): ResolvedMetricOptions {
  const lower = (labels: string[]) => new Set(labels.map((label) => label.toLowerCase()));
  return {
    window: options.window,
    fromMs: options.window.from.getTime(),
    toMs: options.window.to.getTime(),
    slaHours: options.slaHours ?? 72,
    clock: createClock(options.clock),
    breakingChangeLabels: lower(options.breakingChangeLabels ?? DEFAULT_BREAKING_CHANGE_LABELS),
    regressionLabels: lower(options.regressionLabels ?? DEFAULT_REGRESSION_LABELS),
    releaseBlockerLabels: lower(options.releaseBlockerLabels ?? DEFAULT_RELEASE_BLOCKER_LABELS),
    reviewerActivityDays: options.reviewerActivityDays ?? DEFAULT_REVIEWER_ACTIVITY_DAYS,
    returningWithinDays: options.returningWithinDays ?? DEFAULT_RETURNING_WITHIN_DAYS,
    includePrereleases: options.releases?.includePrereleases ?? false,
    releaseIntervalCount: options.releases?.intervalCount ?? 10,
  };
}

/** The window of the same length right before `window` (its previous window starts as far before again). */
export function previousWindowOf(window: Window): Window {
  const length = window.to.getTime() - window.from.getTime();
  return {
    from: window.previousFrom,
    to: window.from,
    previousFrom: new Date(window.previousFrom.getTime() - length),
  };
}

/** The window of `days` days ending at `to` (default 28), with its previous window. */
export function createWindow(to: Date, days = 28): Window {
  const length = days * 86_400_000;
  return {
    from: new Date(to.getTime() - length),
    to: new Date(to.getTime()),
    previousFrom: new Date(to.getTime() - 2 * length),
  };
}
