import type { RepositoryActivity } from '../core/records.js';
import { METRIC_EVENT_KINDS } from '../metrics/index-activity.js';
import { DEFAULT_RETURNING_WITHIN_DAYS, DEFAULT_REVIEWER_ACTIVITY_DAYS } from '../metrics/metric-options.js';
import { staleOwnerLookBack } from '../metrics/stale-owners.js';
import type { Window } from '../metrics/types.js';
import type { Store } from '../store/store.js';

const DAY_MS = 86_400_000;

/** Days read before the previous window's start: the longest metric look-back, and a week's margin. */
export const HORIZON_MARGIN_DAYS = Math.max(DEFAULT_REVIEWER_ACTIVITY_DAYS, DEFAULT_RETURNING_WITHIN_DAYS) + 7;

/**
 * How far back a report for `window` reads items and their activity: before the previous window's start by the
 * longest look-back of any metric (reviewers active in the 90 days before a window ends; first-time contributors
 * returning within 90 days), so reading less changes no metric. Stale owners look back a year: the store answers
 * who was active then without reading the records (`history.activeLogins`).
 */
export function reportHorizon(window: Window): Date {
  return new Date(window.previousFrom.getTime() - HORIZON_MARGIN_DAYS * DAY_MS);
}

/** The stale-owner look-backs of a window and its previous window: the year up to each window's end. */
export function staleOwnerRanges(window: Window): Array<{ from: string; to: string }> {
  return [window.to, window.from].map(staleOwnerLookBack);
}

/**
 * The activity a report over `window` needs: the items open or active since the horizon with all their reviews,
 * comments and metric-relevant events (closed issues keep their closer: `closed` is a metric event kind), and the
 * history the older items still matter for (authors' first PRs, the earliest item, the stale-owner look-backs).
 */
export function loadReportActivity(
  store: Pick<Store, 'loadActivity'>,
  installationId: number,
  repoId: number,
  window: Window,
): Promise<RepositoryActivity | undefined> {
  return loadActivityForWindows(store, installationId, repoId, [window]);
}

/**
 * The activity reports over each of `windows` need, read once: from the earliest of their horizons, with the
 * stale-owner look-backs of every window (a repository's own report and an organisation report over another window).
 */
export function loadActivityForWindows(
  store: Pick<Store, 'loadActivity'>,
  installationId: number,
  repoId: number,
  windows: readonly Window[],
): Promise<RepositoryActivity | undefined> {
  const since = Math.min(...windows.map((window) => reportHorizon(window).getTime()));
  const ranges = new Map(windows.flatMap(staleOwnerRanges).map((range) => [`${range.from}|${range.to}`, range]));
  return store.loadActivity(installationId, repoId, {
    since: new Date(since).toISOString(),
    eventKinds: METRIC_EVENT_KINDS,
    activeLoginRanges: [...ranges.values()],
  });
}
