import { describe, expect, it } from 'vitest';
import { computeIsoWeek } from '../../src/queue/iso-week.js';
import { type OrgConfig, orgConfigSchema } from '../../src/config/org-config-schema.js';
import { keepRepositoryDigests, listOrganizations, planDigestJobs, planOrgDigestJobs } from '../../src/queue/plan-digest-jobs.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23T09:00:00Z', '2026-W48', '2026-11-23'],
    ['2026-11-29T23:59:59Z', '2026-W48', '2026-11-23'],
    ['2026-01-01T00:00:00Z', '2026-W01', '2025-12-29'],
    ['2027-01-01T12:00:00Z', '2026-W53', '2026-12-28'],
    ['2024-12-30T00:00:00Z', '2025-W01', '2024-12-30'],
  ])('%s is in %s (week of %s)', (at, week, weekOf) => {
    expect(computeIsoWeek(new Date(at))).toEqual({ week, weekOf });
  });
});

describe('weekly digest planning', () => {
  const repositories = [
    { installationId: 1, repoId: 10, fullName: 'a/one' },
    { installationId: 1, repoId: 11, fullName: 'a/two' },
    { installationId: 2, repoId: 10, fullName: 'b/one' },
  ];

  it('plans one job per repository, its id naming installation, repository and week', () => {
    const jobs = planDigestJobs(repositories, new Date('2026-11-23T09:00:00Z'));
    expect(jobs.map((j) => j.jobId)).toEqual(['digest-1-10-2026-W48', 'digest-1-11-2026-W48', 'digest-2-10-2026-W48']);
    expect(jobs[0]!.data).toEqual({ kind: 'repository', installationId: 1, repoId: 10, repository: 'a/one', week: '2026-W48', weekOf: '2026-11-23' });
  });

  it('plans the same ids for any run within the week and new ones the next week', () => {
    const monday = planDigestJobs(repositories, new Date('2026-11-23T09:00:00Z')).map((j) => j.jobId);
    const sunday = planDigestJobs(repositories, new Date('2026-11-29T20:00:00Z')).map((j) => j.jobId);
    const nextMonday = planDigestJobs(repositories, new Date('2026-11-30T09:00:00Z')).map((j) => j.jobId);
    expect(sunday).toEqual(monday);
    expect(nextMonday.some((id) => monday.includes(id))).toBe(false);
  });

  it('plans no digest for an archived repository (read-only: no issue can be opened in it)', () => {
    const jobs = planDigestJobs([{ ...repositories[0]!, archived: true }, repositories[1]!], new Date('2026-11-23T09:00:00Z'));
    expect(jobs.map((j) => j.data.repository)).toEqual(['a/two']);
  });

  it('plans a repository listed twice once', () => {
    expect(planDigestJobs([repositories[0]!, repositories[0]!], new Date('2026-11-23T09:00:00Z'))).toHaveLength(1);
  });

  it("plans a repository only once its digest is due by its own weekday, hour and timezone, in that timezone's week", () => {
    const schedule = (weekday: 'mon' | 'tue', hour: number, timezone: string, enabled = true) => ({ enabled, weekday, hour, timezone });
    const scheduled = [
      { installationId: 1, repoId: 10, fullName: 'a/berlin', schedule: schedule('tue', 14, 'Europe/Berlin') },
      { installationId: 1, repoId: 11, fullName: 'a/utc', schedule: schedule('mon', 9, 'UTC') },
      { installationId: 1, repoId: 12, fullName: 'a/auckland', schedule: schedule('mon', 9, 'Pacific/Auckland') },
      { installationId: 1, repoId: 13, fullName: 'a/off', schedule: schedule('mon', 0, 'UTC', false) },
    ];
    const planned = (at: string) => planDigestJobs(scheduled, new Date(at)).map((job) => `${job.data.repository} ${job.data.week}`);
    expect(planned('2026-11-23T08:59:00Z')).toEqual(['a/auckland 2026-W48']);
    expect(planned('2026-11-23T09:00:00Z')).toEqual(['a/utc 2026-W48', 'a/auckland 2026-W48']);
    expect(planned('2026-11-24T12:59:00Z')).not.toContain('a/berlin 2026-W48');
    expect(planned('2026-11-24T13:00:00Z')).toContain('a/berlin 2026-W48');
    // Monday 09:00 in Auckland is Sunday 20:00 UTC: its week has turned, the others' has not.
    expect(planned('2026-11-29T20:00:00Z')).toEqual(['a/berlin 2026-W48', 'a/utc 2026-W48', 'a/auckland 2026-W49']);
  });
});

describe('organisation digests in the fan-out', () => {
  const org = (organization: string, yaml: Partial<OrgConfig> | null, installationId = 1) => ({
    installationId,
    organization,
    config: yaml === null ? null : orgConfigSchema.parse(yaml),
  });
  const repos = [
    { installationId: 1, repoId: 1, fullName: 'acme/a' },
    { installationId: 1, repoId: 2, fullName: 'acme/b' },
    { installationId: 1, repoId: 3, fullName: 'kube/c' },
    { installationId: 1, repoId: 4, fullName: 'other/d' },
  ];

  it('lists each organisation once per installation', () => {
    expect(listOrganizations(repos)).toEqual([
      { installationId: 1, organization: 'acme' },
      { installationId: 1, organization: 'kube' },
      { installationId: 1, organization: 'other' },
    ]);
  });

  it('leaves out repository digests an organisation turned off, or whose settings cannot be read now', () => {
    const kept = keepRepositoryDigests(repos, [org('acme', { repositoryDigests: false }), org('kube', {}), org('other', null)]);
    expect(kept.map((r) => r.fullName)).toEqual(['kube/c']);
  });

  it('plans an organisation digest once due, once per week, only where enabled', () => {
    const organizations = [
      org('acme', { digest: { enabled: true, repository: 'community', weekday: 'mon', hour: 9, timezone: 'UTC' } }),
      org('kube', {}),
      org('other', null),
    ];
    expect(planOrgDigestJobs(organizations, new Date('2026-11-23T08:59:00Z'))).toEqual([]);
    const monday = planOrgDigestJobs(organizations, new Date('2026-11-23T09:00:00Z'));
    expect(monday).toEqual([
      { jobId: 'org-digest-1-acme-2026-W48', data: { kind: 'organization', installationId: 1, organization: 'acme', week: '2026-W48', weekOf: '2026-11-23' } },
    ]);
    expect(planOrgDigestJobs(organizations, new Date('2026-11-29T20:00:00Z')).map((job) => job.jobId)).toEqual(['org-digest-1-acme-2026-W48']);
  });
});
