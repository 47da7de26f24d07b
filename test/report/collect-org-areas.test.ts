import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { parseOrgConfigYaml } from '../../src/config/parse-org-config-yaml.js';
import { collectOrgAreas } from '../../src/report/org/collect-org-areas.js';
import { pooledItemNumber } from '../../src/report/org/pool-activities.js';
import { aPullRequest, anActivity, anIssue } from '../metrics/builders.js';

function repository(repoId: number, fullName: string, parts: Partial<Omit<RepositoryActivity, 'repository'>>) {
  const activity = { ...anActivity(parts), repository: { installationId: 1, repoId, fullName, defaultBranch: 'main', private: false } };
  return { activity, areaModel: null, labelPrefixes: ['sig/'] };
}

const core = repository(1, 'kube/core', {
  pullRequests: [
    aPullRequest({ number: 10, labels: ['sig/storage'] }),
    aPullRequest({ number: 11 }),
    aPullRequest({ number: 12 }),
  ],
  pullRequestFiles: [
    { repoId: 1, prNumber: 11, paths: ['pkg/volume/csi/driver.go'] },
    { repoId: 1, prNumber: 12, paths: ['pkg/kubelet/kubelet.go'] },
  ],
  issues: [anIssue({ number: 13, labels: ['sig/storage'] }), anIssue({ number: 14 })],
});
const driver = repository(2, 'kube/csi-driver', { pullRequests: [aPullRequest({ number: 1 })], issues: [anIssue({ number: 2 })] });
const docs = repository(3, 'kube/docs', { pullRequests: [aPullRequest({ number: 5, labels: ['sig/storage'] }), aPullRequest({ number: 6, labels: ['sig/docs'] })] });

describe('collectOrgAreas', () => {
  it('joins repositories’ own areas of one name', () => {
    const [docsArea, storage] = collectOrgAreas([core, driver, docs]);
    expect(storage).toMatchObject({ name: 'sig/storage', repositories: ['kube/core', 'kube/docs'], missingRepositories: [] });
    expect([...storage!.prNumbers]).toEqual([pooledItemNumber(1, 10), pooledItemNumber(3, 5)]);
    expect([...storage!.issueNumbers]).toEqual([pooledItemNumber(1, 13)]);
    expect(docsArea).toMatchObject({ name: 'sig/docs', repositories: ['kube/docs'] });
  });

  it('adds what the organisation config declares, shows both parts of a repository, and names missing repositories', () => {
    const declared = parseOrgConfigYaml(
      [
        'areas:',
        '  - name: sig/storage',
        '    repositories:',
        '      - repository: kube/core',
        '        paths: ["/pkg/volume/"]',
        '      - repository: kube/csi-driver',
        '      - repository: kube/gone',
      ].join('\n'),
    );
    expect(declared.errors).toEqual([]);
    const storage = collectOrgAreas([core, driver, docs], declared.config.areas).find((area) => area.name === 'sig/storage')!;
    expect(storage.repositories).toEqual(['kube/core', 'kube/csi-driver', 'kube/docs']);
    // PR 11 by its path, PR 10 by its own label; the whole csi-driver repository; docs' labelled PR.
    expect([...storage.prNumbers].sort((a, b) => a - b)).toEqual(
      [pooledItemNumber(1, 10), pooledItemNumber(1, 11), pooledItemNumber(2, 1), pooledItemNumber(3, 5)].sort((a, b) => a - b),
    );
    expect([...storage.issueNumbers].sort((a, b) => a - b)).toEqual([pooledItemNumber(1, 13), pooledItemNumber(2, 2)]);
    expect(storage.parts).toEqual([
      { repository: 'kube/core', source: 'org-config', paths: ['/pkg/volume/'] },
      { repository: 'kube/csi-driver', source: 'org-config', paths: [] },
      { repository: 'kube/core', source: 'labels' },
      { repository: 'kube/docs', source: 'labels' },
    ]);
    expect(storage.missingRepositories).toEqual(['kube/gone']);
  });
});

describe('parseOrgConfigYaml', () => {
  it('reports a broken file or entry with its key path and uses the defaults', () => {
    expect(parseOrgConfigYaml('areas: [').errors[0]!.message).toMatch(/using the defaults$/);
    const bad = parseOrgConfigYaml('areas:\n  - name: sig/x\n    repositories:\n      - repository: not-a-name\n        paths: ["a/***"]\n');
    expect(bad.config.areas).toEqual([]);
    expect(bad.errors.map((problem) => problem.path)).toEqual(['areas[0].repositories[0].repository', 'areas[0].repositories[0].paths[0]']);
    expect(parseOrgConfigYaml('areaz: []').errors[0]).toMatchObject({ path: '' });
    expect(parseOrgConfigYaml('').config).toEqual({
      areas: [],
      digest: { enabled: false, repository: '.github', weekday: 'mon', hour: 9, timezone: 'UTC' },
      include: { archived: false, forks: false },
      repositoryDigests: true,
    });
  });
});
