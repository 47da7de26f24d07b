import { type DigestSchedule, digestWeekOf, isDigestDue } from '../schedule/is-digest-due.js';
import { computeIsoWeek } from './iso-week.js';
import type { OrgConfig } from '../config/org-config-schema.js';
import type { DigestJobData, OrgDigestJobData } from './job-data.js';

/** A repository the app is installed on. */
export interface InstalledRepository {
  installationId: number;
  repoId: number;
  /** `owner/name`. */
  fullName: string;
  /** Archived on GitHub: read-only, so no digest issue can be opened in it. */
  archived?: boolean;
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
 * come in its timezone (and not when its digest is disabled), in the week of that timezone; none for an archived one. The job id names the
 * installation, repository and ISO week, so however many replicas run the fan-out (or however often it runs that
 * week: hourly), the queue holds one job per repository per week and the digest is posted once.
 */
export function planDigestJobs(repositories: readonly InstalledRepository[], now: Date): PlannedDigestJob[] {
  const seen = new Set<string>();
  const jobs: PlannedDigestJob[] = [];
  for (const repository of repositories) {
    const { schedule } = repository;
    if (repository.archived === true) continue;
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

/** An organisation of one installation, with its settings (`.github/fallacy-watch-org.yml`); `null`: unreadable now. */
export interface InstalledOrganization {
  installationId: number;
  organization: string;
  config: OrgConfig | null;
}

/** The organisations the repositories belong to, one per installation and owner, in order of first appearance. */
export function listOrganizations(repositories: readonly InstalledRepository[]): Array<{ installationId: number; organization: string }> {
  const seen = new Map<string, { installationId: number; organization: string }>();
  for (const repository of repositories) {
    const organization = repository.fullName.split('/')[0]!;
    const key = `${repository.installationId}/${organization.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, { installationId: repository.installationId, organization });
  }
  return [...seen.values()];
}

/**
 * The repositories whose own digests may be posted: those of organisations whose settings are known and keep
 * repository digests on. An organisation whose settings cannot be read now posts none until they can (it may have
 * turned them off).
 */
export function keepRepositoryDigests(repositories: readonly InstalledRepository[], organizations: readonly InstalledOrganization[]): InstalledRepository[] {
  const settings = new Map(organizations.map((org) => [`${org.installationId}/${org.organization.toLowerCase()}`, org.config]));
  return repositories.filter((repository) => {
    const config = settings.get(`${repository.installationId}/${repository.fullName.split('/')[0]!.toLowerCase()}`);
    return config === undefined || config?.repositoryDigests === true;
  });
}

/** One organisation digest job to add: its id makes it unique per installation, organisation and week. */
export interface PlannedOrgDigestJob {
  jobId: string;
  data: OrgDigestJobData;
}

/**
 * The organisation digest jobs due at `now`: one per organisation whose settings enable it, once its weekday and hour
 * have come in its timezone, in the week of that timezone. As for repositories, the job id holds the week, so an
 * hourly fan-out (on any number of replicas) queues it once.
 */
export function planOrgDigestJobs(organizations: readonly InstalledOrganization[], now: Date): PlannedOrgDigestJob[] {
  const jobs: PlannedOrgDigestJob[] = [];
  for (const { installationId, organization, config } of organizations) {
    if (!config || !isDigestDue(now, config.digest, null)) continue;
    const weekOf = digestWeekOf(now, config.digest.timezone);
    const { week } = computeIsoWeek(new Date(`${weekOf}T12:00:00Z`));
    jobs.push({
      jobId: `org-digest-${installationId}-${organization.toLowerCase()}-${week}`,
      data: { kind: 'organization', installationId, organization, week, weekOf },
    });
  }
  return jobs;
}
