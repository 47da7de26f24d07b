import type { RepositoryActivity } from '../core/records.js';
import { METRIC_EVENT_KINDS } from '../metrics/index-activity.js';
import type { Store } from '../store/store.js';

/**
 * How far back a report reads reviews, comments and events: beyond its longest look-back (365 days for stale owners,
 * plus the windows), so reading less changes no metric while memory stays bounded on repositories with long histories.
 */
export const REPORT_HORIZON_DAYS = 400;

/**
 * The activity a report at `to` needs: all items and reviews, and the comments and metric-relevant events from the
 * horizon on (all of them for items still open). Closed issues keep their closer: `closed` is a metric event kind.
 */
export function loadReportActivity(
  store: Store,
  installationId: number,
  repoId: number,
  to: Date,
): Promise<RepositoryActivity | undefined> {
  const since = new Date(to.getTime() - REPORT_HORIZON_DAYS * 86_400_000).toISOString();
  return store.loadActivity(installationId, repoId, { since, eventKinds: METRIC_EVENT_KINDS });
}
