import { computeIsoWeek } from './iso-week.js';
import type { DigestJobData } from './job-data.js';

/** A repository the app is installed on. */
export interface InstalledRepository {
  installationId: number;
  repoId: number;
  /** `owner/name`. */
  fullName: string;
}

/** One digest job to add: its id makes it unique per repository per week. */
export interface PlannedDigestJob {
  jobId: string;
  data: DigestJobData;
}

/**
 * The digest jobs of the week `now` falls in, one per repository. The job id names the installation, repository
 * and ISO week, so however many replicas run the fan-out (or however often it runs that week), the queue holds
 * one job per repository per week and the digest is posted once.
 */
export function planDigestJobs(repositories: readonly InstalledRepository[], now: Date): PlannedDigestJob[] {
  const { week, weekOf } = computeIsoWeek(now);
  const seen = new Set<string>();
  const jobs: PlannedDigestJob[] = [];
  for (const repository of repositories) {
    const jobId = `digest-${repository.installationId}-${repository.repoId}-${week}`;
    if (seen.has(jobId)) continue;
    seen.add(jobId);
    jobs.push({
      jobId,
      data: { kind: 'repository', installationId: repository.installationId, repoId: repository.repoId, repository: repository.fullName, week, weekOf },
    });
  }
  return jobs;
}
