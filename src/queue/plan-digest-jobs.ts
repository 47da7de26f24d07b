import { type DigestSchedule, digestWeekOf, isDigestDue } from '../schedule/is-digest-due.js';
import { computeIsoWeek } from './iso-week.js';
import type { DigestJobData } from './job-data.js';

/** A repository the app is installed on. */
export interface InstalledRepository {
  installationId: number;
  repoId: number;
  /** `owner/name`. */
  fullName: string;
  /**
   * Its `digest` config (weekday, hour, timezone). With it, the repository is planned only once its digest is due
   * ({@link isDigestDue}), in the week of its own timezone; without it, in the UTC week of `now`.
   */
  schedule?: DigestSchedule;
}

/** One digest job to add: its id makes it unique per repository per week. */
export interface PlannedDigestJob {
  jobId: string;
  data: DigestJobData;
}

/**
 * The digest jobs due at `now`, one per repository: a repository with a schedule only once its weekday and hour have
 * come in its timezone (and not when its digest is disabled), in the week of that timezone. The job id names the
 * installation, repository and ISO week, so however many replicas run the fan-out (or however often it runs that
 * week: hourly), the queue holds one job per repository per week and the digest is posted once.
 */
export function planDigestJobs(repositories: readonly InstalledRepository[], now: Date): PlannedDigestJob[] {
  const seen = new Set<string>();
  const jobs: PlannedDigestJob[] = [];
  for (const repository of repositories) {
    const { schedule } = repository;
    if (schedule && !isDigestDue(now, schedule, null)) continue;
    const { week, weekOf } = schedule ? computeIsoWeek(new Date(`${digestWeekOf(now, schedule.timezone)}T12:00:00Z`)) : computeIsoWeek(now);
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
