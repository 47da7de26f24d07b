import type { RepositoryActivity, RepositoryRecord } from '../../core/records.js';
import type { Window } from '../../metrics/types.js';
import type { Store } from '../../store/store.js';
import { loadReportActivity } from '../load-report-activity.js';

/**
 * Repositories read at once. On PostgreSQL one repository's read keeps the database and this process busy in turns
 * (about 25 queries, then decoding their rows); three at a time overlap the two. The read of the org benchmark's 200
 * repositories (`npm run bench org-report`) took 0.73 times as long (medians of 5 alternating runs, 9.3 s against
 * 12.7 s, 2-core machine at load 7; 0.88 in 3 runs of the benchmark's runner at load 8-9), in no more memory. At most
 * two more repositories' rows are in flight; SQLite answers synchronously, so nothing changes there.
 */
const READS_AT_ONCE = 3;

/**
 * The report activity of each repository of one installation, in the given order, read a few repositories at a time
 * (each read is bounded by the report's horizon). A repository the store no longer holds is left out.
 */
export async function loadOrgActivities(
  store: Pick<Store, 'loadActivity'>,
  repositories: readonly RepositoryRecord[],
  window: Window,
): Promise<RepositoryActivity[]> {
  const read: Array<RepositoryActivity | undefined> = new Array(repositories.length);
  let next = 0;
  const reader = async () => {
    while (next < repositories.length) {
      const index = next++;
      const repository = repositories[index]!;
      try {
        read[index] = await loadReportActivity(store, repository.installationId, repository.repoId, window);
      } catch (error) {
        next = repositories.length; // a failed read fails the whole: the others start no more reads
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, repositories.length) }, reader));
  return read.filter((activity) => activity !== undefined);
}
