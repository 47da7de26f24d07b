import type { RepositoryActivity, RepositoryRecord } from '../../core/records.js';
import type { Window } from '../../metrics/types.js';
import type { Store } from '../../store/store.js';
import { loadReportActivity } from '../load-report-activity.js';

/**
 * The report activity of each repository of one installation, in the given order, read one repository at a time
 * (each read is bounded by the report's horizon). A repository the store no longer holds is left out.
 */
export async function loadOrgActivities(
  store: Pick<Store, 'loadActivity'>,
  repositories: readonly RepositoryRecord[],
  window: Window,
): Promise<RepositoryActivity[]> {
  const activities: RepositoryActivity[] = [];
  for (const repository of repositories) {
    const activity = await loadReportActivity(store, repository.installationId, repository.repoId, window);
    if (activity) activities.push(activity);
  }
  return activities;
}
