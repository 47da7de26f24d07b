import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import {
  collectIssues,
  collectPullRequests,
  expectAgreement,
  HOUR,
  reference,
  referenceIssues,
} from '../helpers/reference-metrics.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `report --org --json` over several repositories replayed under one installation: each repository's metrics equal
 * its own `report --json`, and the pooled organisation metrics equal the reference computed from all repositories'
 * payloads together — distributions over every item, first-time contributors by their first PR anywhere in the org
 * (the generated communities share logins: `newcomer-1` of one repository is `newcomer-1` of the next).
 */

const dir = mkdtempSync(join(tmpdir(), 'fw-org-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const START = Date.parse('2026-03-01T00:00:00Z');
const REPOSITORIES = [
  { fullName: 'kube-org/api', id: 7001, seed: 31, pullRequests: 260 },
  { fullName: 'kube-org/storage', id: 7002, seed: 32, pullRequests: 180 },
  { fullName: 'kube-org/website', id: 7003, seed: 33, pullRequests: 120 },
];
// Starts staggered by 37 minutes, so no two repositories' PRs open at the same instant (no ties of "first PR").
const perRepository = REPOSITORIES.map((repository, index) =>
  generateDeliveries({
    seed: repository.seed,
    pullRequests: repository.pullRequests,
    repository: { id: repository.id, fullName: repository.fullName },
    start: new Date(START + index * 37 * 60_000),
  }),
);
const elsewhere = generateDeliveries({ seed: 34, pullRequests: 60, repository: { id: 7100, fullName: 'other-org/tools' }, start: new Date(START) });
/** An archived repository and a fork of the organisation: left out unless the organisation config includes them. */
const withRepositoryFlags = (deliveries: ReturnType<typeof generateDeliveries>, flags: { archived?: boolean; fork?: boolean }) =>
  deliveries.map((delivery) => {
    const payload = delivery.payload as { repository: Record<string, unknown> };
    return { ...delivery, payload: { ...payload, repository: { ...payload.repository, ...flags } } };
  });
const archived = withRepositoryFlags(
  generateDeliveries({ seed: 35, pullRequests: 30, repository: { id: 7004, fullName: 'kube-org/old-api' }, start: new Date(START) }),
  { archived: true },
);
const fork = withRepositoryFlags(
  generateDeliveries({ seed: 36, pullRequests: 30, repository: { id: 7005, fullName: 'kube-org/fork-of-x' }, start: new Date(START) }),
  { fork: true },
);

describe('report --org --json agrees with each repository and with a reference over all of them', () => {
  const database = `sqlite:${join(dir, 'store.db')}`;

  beforeAll(async () => {
    const file = join(dir, 'deliveries.jsonl');
    const all = [...perRepository.flat(), ...elsewhere, ...archived, ...fork];
    writeFileSync(file, `${all.map((delivery) => JSON.stringify(delivery)).join('\n')}\n`);
    expect(JSON.parse(await runCli(['replay', file, '--json', '--database', database]))).toMatchObject({ failed: 0 });
  });

  it.each(['2026-03-25T00:00:00Z', '2026-04-20T00:00:00Z'])('for the window ending %s', async (to) => {
    const report = JSON.parse(await runCli(['report', '--org', 'kube-org', '--json', '--to', to, '--database', database]));
    expect(report.schema).toBe('fallacy-watch/org-report@1');
    expect(report.organization).toBe('kube-org');
    expect(report.repositories.map((entry: { repository: string }) => entry.repository)).toEqual(REPOSITORIES.map((r) => r.fullName));

    for (const [index, repository] of REPOSITORIES.entries()) {
      const own = JSON.parse(await runCli(['report', repository.fullName, '--json', '--to', to, '--database', database]));
      expect(report.repositories[index].metrics).toEqual(own.repo.metrics);
      expect(report.repositories[index].findings).toBe(own.findings.length);
    }

    const toMs = Date.parse(to);
    const windowMs = 28 * 24 * HOUR;
    const prs = perRepository.flatMap(collectPullRequests);
    const issues = perRepository.flatMap(collectIssues);
    const expected = { ...reference(prs, toMs - windowMs, toMs), ...referenceIssues(issues, toMs - windowMs, toMs) };
    expectAgreement(report.org.metrics, expected);
    const previous = [toMs - 2 * windowMs, toMs - windowMs] as const;
    expectAgreement(report.org.previous, { ...reference(prs, ...previous), ...referenceIssues(issues, ...previous) });

    // Pooled, not summed: a newcomer whose first PR was in another repository is not new to the organisation.
    const summed = report.repositories.reduce((sum: number, entry: { metrics: { first_time_contributors: number } }) => sum + entry.metrics.first_time_contributors, 0);
    expect(report.org.metrics.first_time_contributors).toBeLessThan(summed);
    expect(report.org.metrics.prs_started).toBe(
      report.repositories.reduce((sum: number, entry: { metrics: { prs_started: number } }) => sum + entry.metrics.prs_started, 0),
    );
    expect(expected.pr_time_to_merge_hours.n).toBeGreaterThan(10);

    // Areas of one name span repositories; reviewers count the repositories their load comes from.
    const storageArea = report.areas.find((area: { area: string }) => area.area === 'area/storage');
    expect(storageArea.repositories).toEqual(REPOSITORIES.map((r) => r.fullName));
    expect(Math.max(...report.reviewers.map((reviewer: { repositories: number }) => reviewer.repositories))).toBe(3);
    // Release and owners figures are per repository only.
    expect(report.org.metrics.release_interval_days).toBeNull();
    expect(report.org.metrics.stale_owners).toBeNull();
    // Findings name their repository, organisation-wide ones none.
    for (const finding of report.findings) {
      expect(finding.repository === null || REPOSITORIES.some((r) => r.fullName === finding.repository)).toBe(true);
      // Each names the unit of every evidence key, as report@1 findings do.
      expect(Object.keys(finding.units)).toEqual(Object.keys(finding.evidence));
    }
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('leaves archived repositories and forks out, names them, and counts them when the organisation config includes them', async () => {
    const to = '2026-04-20T00:00:00Z';
    const report = JSON.parse(await runCli(['report', '--org', 'kube-org', '--json', '--to', to, '--database', database]));
    expect(report.left_out).toEqual([
      { repository: 'kube-org/fork-of-x', reason: 'fork' },
      { repository: 'kube-org/old-api', reason: 'archived' },
    ]);
    const markdown = await runCli(['report', '--org', 'kube-org', '--markdown', '--to', to, '--database', database]);
    expect(markdown).toContain('Left out: kube-org/fork-of-x (a fork), kube-org/old-api (archived).');
    expect(markdown).not.toContain('](https://github.com/kube-org/old-api)');

    const file = join(dir, 'include-all.yml');
    writeFileSync(file, 'include:\n  archived: true\n  forks: true\n');
    const all = JSON.parse(await runCli(['report', '--org', 'kube-org', '--org-config', file, '--json', '--to', to, '--database', database]));
    expect(all.left_out).toEqual([]);
    expect(all.repositories.map((entry: { repository: string }) => entry.repository).sort()).toEqual(
      [...REPOSITORIES.map((r) => r.fullName), 'kube-org/old-api', 'kube-org/fork-of-x'].sort(),
    );
  });

  it('lists the items behind organisation-wide findings as their own repositories know them', async () => {
    const to = '2026-04-20T00:00:00Z';
    const report = JSON.parse(await runCli(['report', '--org', 'kube-org', '--json', '--to', to, '--database', database]));
    const numbersOf = new Map(
      REPOSITORIES.map((repository, index) => [
        repository.fullName,
        new Set(perRepository[index]!.flatMap((d) => [(d.payload as any).pull_request?.number, (d.payload as any).issue?.number]).filter((n) => n !== undefined)),
      ]),
    );
    const orgItems = report.findings
      .filter((finding: { repository: string | null }) => finding.repository === null)
      .flatMap((finding: { items?: Array<Record<string, any>> }) => finding.items ?? [])
      .filter((item: { kind: string }) => item.kind !== 'user');
    expect(orgItems.length).toBeGreaterThan(0);
    for (const item of orgItems) {
      expect(numbersOf.get(item.repository)?.has(item.number)).toBe(true);
      const path = item.kind === 'pull_request' ? 'pull' : item.kind === 'issue' ? 'issues' : 'milestone';
      expect(item.url).toBe(`https://github.com/${item.repository}/${path}/${item.number}`);
    }
    // The unanswered-PR finding lists exactly the PRs the pooled count counted, each in its own repository.
    const unanswered = report.findings.find((finding: { repository: string | null; area: string | null; evidence: Record<string, unknown> }) => finding.repository === null && finding.evidence.metric === 'unanswered_prs' && finding.area === null);
    expect(unanswered.items).toHaveLength(report.org.metrics.unanswered_prs);
    expect(new Set(unanswered.items.map((item: { repository: string }) => item.repository)).size).toBe(REPOSITORIES.length);
    const markdown = await runCli(['report', '--org', 'kube-org', '--markdown', '--to', to, '--database', database]);
    expect(markdown).toMatch(/\[kube-org\/(api|storage|website) (PR|issue) \d+\]\(https:\/\/redirect\.github\.com\/kube-org\//);
    expect(markdown).toMatch(/\*\* · organisation: /);
    expect(markdown).not.toMatch(/\*\* · repository: /);
  });

  it('renders the organisation digest naming every repository, and never another organisation', async () => {
    const markdown = await runCli(['report', '--org', 'kube-org', '--markdown', '--to', '2026-04-20T00:00:00Z', '--database', database]);
    expect(markdown).toMatch(/^# Organisation health digest — week of 2026-04-20/);
    for (const repository of REPOSITORIES) expect(markdown).toContain(`](https://github.com/${repository.fullName})`);
    expect(markdown).not.toContain('other-org');
    expect(markdown).toContain('### Organisation-wide findings');
    expect(markdown).toContain('### Areas across repositories');
    expect(markdown).not.toMatch(/(^|\s)@[a-z]/i);
  });

  it('takes areas across repositories from --org-config, and shows what they hold', async () => {
    const file = join(dir, 'fallacy-watch-org.yml');
    writeFileSync(file, 'areas:\n  - name: sig/web\n    repositories:\n      - repository: kube-org/website\n      - repository: kube-org/absent\n');
    const to = '2026-04-20T00:00:00Z';
    const report = JSON.parse(await runCli(['report', '--org', 'kube-org', '--org-config', file, '--json', '--to', to, '--database', database]));
    const web = report.areas.find((area: { area: string }) => area.area === 'sig/web');
    expect(web).toMatchObject({
      repositories: ['kube-org/website'],
      parts: [{ repository: 'kube-org/website', source: 'org-config', paths: [] }],
      missing_repositories: ['kube-org/absent'],
    });
    const website = report.repositories.find((entry: { repository: string }) => entry.repository === 'kube-org/website');
    expect(web.metrics.prs_started).toBe(website.metrics.prs_started);
    expect(web.metrics.unanswered_prs).toBe(website.metrics.unanswered_prs);
    const markdown = await runCli(['report', '--org', 'kube-org', '--org-config', file, '--markdown', '--to', to, '--database', database]);
    expect(markdown).toContain('**sig/web**: kube-org/website (declared: the whole repository); not in the store: kube-org/absent');
  });

  it('refuses a repository and --org together, and an organisation the store lacks', async () => {
    await expect(runCli(['report', 'kube-org/api', '--org', 'kube-org', '--database', database])).rejects.toThrow(/either <owner\/repo> or --org/);
    await expect(runCli(['report', '--org', 'nobody-here', '--database', database])).rejects.toThrow(/no repository of nobody-here/);
    await expect(runCli(['report', '--org', 'bad/org', '--database', database])).rejects.toThrow(/organisation login/);
    await expect(runCli(['report', 'kube-org/api', '--org-config', 'x.yml', '--database', database])).rejects.toThrow(/only with --org/);
  });
});
