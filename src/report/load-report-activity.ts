import type { RepositoryActivity } from '../core/records.js';
import { METRIC_EVENT_KINDS } from '../metrics/index-activity.js';
import { metricHorizon, staleOwnerRanges } from '../metrics/metric-look-back.js';
import { reportHistoryQuestions } from '../metrics/history-definitions.js';
import type { Window } from '../metrics/types.js';
import type { Store } from '../store/store.js';

/**
 * The activity a report over `window` needs: the items open or active since the horizon with all their reviews,
 * comments and metric-relevant events (closed issues keep their closer: `closed` is a metric event kind), and the
 * history the older items still matter for (authors' first PRs, the earliest item, the stale-owner look-backs, and
 * when each of `owners` idle through the look-back was last active: a stale owner's date, from the whole history).
 * Given `owners` (every owner login of the report's area model), the look-backs ask about them only: they are all
 * `stale_owners` looks up. Without, about every login (an organisation report pools them across repositories).
 */
export function loadReportActivity(
  store: Pick<Store, 'loadActivity'>,
  installationId: number,
  repoId: number,
  window: Window,
  owners?: readonly string[],
): Promise<RepositoryActivity | undefined> {
  const logins = owners && [...new Set(owners.map((owner) => owner.toLowerCase()))].sort();
  return loadActivity(store, installationId, repoId, [window], logins ? { logins, until: window.to.toISOString() } : null);
}

/**
 * The logins among the area owners of `model` (not teams or e-mail addresses): whose last activity a report may show
 * ({@link loadReportActivity} folds case and repeats).
 */
export function ownerLoginsOf(model: { areas: ReadonlyArray<{ owners: readonly string[] }> } | null | undefined): string[] {
  return (model?.areas ?? []).flatMap((area) => area.owners.filter((owner) => !owner.includes('/') && !owner.includes('@')));
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
  return loadActivity(store, installationId, repoId, windows, null);
}

function loadActivity(
  store: Pick<Store, 'loadActivity'>,
  installationId: number,
  repoId: number,
  windows: readonly Window[],
  /** The owners a report asks about (their activity, and when the idle ones were last active); `null`: everyone's activity. */
  lastActiveOf: { logins: readonly string[]; until: string } | null,
): Promise<RepositoryActivity | undefined> {
  const since = Math.min(...windows.map((window) => metricHorizon(window).getTime()));
  const ranges = new Map(windows.flatMap(staleOwnerRanges).map((range) => [`${range.from}|${range.to}`, range]));
  return store.loadActivity(installationId, repoId, {
    since: new Date(since).toISOString(),
    eventKinds: METRIC_EVENT_KINDS,
    history: reportHistoryQuestions([...ranges.values()], lastActiveOf?.logins),
    ...(lastActiveOf && lastActiveOf.logins.length > 0 ? { lastActiveOf } : {}),
  });
}
