import type { Probot } from 'probot';
import { systemClock } from '../backfill/backfill-clock.js';
import { backfillRepository } from '../backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../backfill/rate-limit-governor.js';
import type { Store } from '../store/store.js';
import type { BackfillJobData } from './job-data.js';

/** Backfills a repository over GraphQL with its installation's client, one governor per worker process. */
export function createBackfillRunner(probot: Probot, store: Store): (job: BackfillJobData, onProgress: (fraction: number) => void) => Promise<void> {
  const governor = createRateLimitGovernor({ clock: systemClock });
  return async (job, onProgress) => {
    const octokit = await probot.auth(job.installationId);
    await backfillRepository({
      store,
      graphql: (query, variables) => octokit.graphql(query, variables),
      governor,
      installationId: job.installationId,
      repository: job.repository,
      now: new Date(),
      onProgress: (progress) => onProgress(progress.fraction),
    });
  };
}
