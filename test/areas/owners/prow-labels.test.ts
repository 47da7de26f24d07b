import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../../src/areas/area-model.js';
import { loadRepoOwners } from '../../../src/areas/owners/load-repo-owners.js';
import { parseOwnersFile } from '../../../src/areas/owners/parse-owners-file.js';
import { readAreaCheckout } from '../../../src/areas/read-area-checkout.js';

/**
 * Synthetic trees reproducing the kubernetes/community cases of issue 18. The expected labels are prow's rule
 * (pkg/repoowners `FindLabelsForFile` → `entriesForFile`): walk from the file's directory to the root, stopping at a
 * `no_parent_owners` directory that gave something; at each OWNERS directory take the labels of every entry whose
 * filter is empty or matches the file's path relative to that directory (Go `MatchString`, unanchored). A file's areas
 * are those labels with an area prefix, else the nearest OWNERS directory that applies to it.
 */
const community = new Map([
  // The root gives people to every file, and area/annual-reports only to the files its filter matches.
  ['OWNERS', 'filters:\n  ".*":\n    approvers:\n    - root-approver\n  "annual-report-.*\\\\.md$":\n    labels:\n    - area/annual-reports\n  "(?i)charter.md":\n    approvers:\n    - steering-member\n    labels:\n    - committee/steering\n'],
  ['archive/sig-service-catalog/OWNERS', 'approvers:\n- catalog-lead\nlabels:\n- sig/service-catalog\n'],
  ['communication/OWNERS', 'reviewers:\n- comms-reviewer\napprovers:\n- comms-lead\nlabels:\n- area/community-management\n- sig/contributor-experience\n'],
  ['contributors/OWNERS', 'approvers:\n- contribex-lead\nlabels:\n- sig/contributor-experience\n'],
  ['contributors/devel/OWNERS', 'approvers:\n- devel-lead\nlabels:\n- area/developer-guide\n'],
  ['contributors/devel/sig-api-machinery/OWNERS', 'approvers:\n- apim-lead\nlabels:\n- sig/api-machinery\n'],
  ['events/OWNERS', 'approvers:\n- events-lead\nlabels:\n- sig/contributor-experience\n'],
  ['events/elections/OWNERS', 'approvers:\n- election-officer\n'],
  ['sig-foo/OWNERS', 'approvers:\n- foo-lead\nlabels:\n- sig/foo\n'],
  ['sig-island/OWNERS', 'options:\n  no_parent_owners: yes\napprovers:\n- island-lead\nlabels:\n- sig/island\n'],
]);
const paths = [
  ...community.keys(),
  'README.md',
  'LICENSE',
  'Makefile',
  'annual-report-2021.md',
  'archive/sig-service-catalog/annual-report-2021.md',
  'archive/sig-service-catalog/README.md',
  'communication/slack-guidelines.md',
  'contributors/devel/sig-api-machinery/README.md',
  'contributors/devel/README.md',
  'events/elections/2017/BALLOTS.csv',
  'sig-foo/charter.md',
  'sig-foo/CHARTER.md',
  'sig-foo/README.md',
  'sig-island/annual-report-2022.md',
];
const model = buildAreaModel({ paths, files: community });
const labelsOf = (path: string) => loadRepoOwners({ files: community }).owners.findLabelsForFile(path);

describe("OWNERS areas are prow's labels (kubernetes/community shapes)", () => {
  it('gives a filter-scoped root label only to the files the filter matches: the root is "/", not its annual reports', () => {
    for (const path of ['README.md', 'LICENSE', 'Makefile', 'OWNERS']) expect([path, model.areasOf(path)]).toEqual([path, ['/']]);
    expect(model.areasOf('annual-report-2021.md')).toEqual(['area/annual-reports']);
    expect(model.errors).toEqual([]);
  });

  it('gives a filter-scoped label to matching files below the root, with their own labels', () => {
    expect(model.areasOf('archive/sig-service-catalog/annual-report-2021.md')).toEqual(['area/annual-reports', 'sig/service-catalog']);
    expect(model.areasOf('archive/sig-service-catalog/README.md')).toEqual(['sig/service-catalog']);
  });

  it('uses every area label of an OWNERS file', () => {
    expect(model.areasOf('communication/slack-guidelines.md')).toEqual(['area/community-management', 'sig/contributor-experience']);
    expect(model.areasOf('communication/OWNERS')).toEqual(['area/community-management', 'sig/contributor-experience']);
  });

  it('inherits the labels of parent OWNERS files', () => {
    expect(model.areasOf('contributors/devel/sig-api-machinery/OWNERS')).toEqual(['area/developer-guide', 'sig/api-machinery', 'sig/contributor-experience']);
    expect(model.areasOf('contributors/devel/README.md')).toEqual(['area/developer-guide', 'sig/contributor-experience']);
    // events/elections has no labels: its files carry events/OWNERS' label, not an area named by the directory.
    expect(model.areasOf('events/elections/2017/BALLOTS.csv')).toEqual(['sig/contributor-experience']);
  });

  it('stops inheriting at no_parent_owners (read as YAML 1.1: `yes` is true), root filters included', () => {
    expect(labelsOf('sig-island/annual-report-2022.md')).toEqual(['sig/island']);
    expect(model.areasOf('sig-island/annual-report-2022.md')).toEqual(['sig/island']);
    expect(model.ownersOf('sig-island/annual-report-2022.md')).toEqual(['island-lead']);
  });

  it('compiles filters as Go regexps: (?i)charter.md matches CHARTER.md and charter.md, with its approvers and label', () => {
    for (const path of ['sig-foo/charter.md', 'sig-foo/CHARTER.md']) {
      expect(labelsOf(path)).toEqual(['committee/steering', 'sig/foo']);
      expect(model.ownersOf(path)).toEqual(['foo-lead', 'root-approver', 'steering-member']);
    }
    expect(model.ownersOf('sig-foo/README.md')).toEqual(['foo-lead', 'root-approver']);
    const withCommittees = buildAreaModel({ paths, files: community, labelPrefixes: ['area/', 'sig/', 'committee/'] });
    expect(withCommittees.areasOf('sig-foo/CHARTER.md')).toEqual(['committee/steering', 'sig/foo']);
  });

  it('lists the label areas and the directory areas some file falls in, with the people of the entries behind them', () => {
    const byName = new Map(model.areas.map((area) => [area.name, area]));
    expect([...byName.keys()]).toEqual([
      '/',
      'area/annual-reports',
      'area/community-management',
      'area/developer-guide',
      'sig/api-machinery',
      'sig/contributor-experience',
      'sig/foo',
      'sig/island',
      'sig/service-catalog',
    ]);
    expect(byName.get('area/annual-reports')).toMatchObject({ definedBy: [''], approvers: ['root-approver'] });
    expect(byName.get('sig/contributor-experience')).toMatchObject({ definedBy: ['communication', 'contributors', 'events'] });
    expect(model.areasForLabels(['area/annual-reports'])).toEqual(['area/annual-reports']);
  });
});

describe('OWNERS YAML as prow reads it (sigs.k8s.io/yaml)', () => {
  const sectionsOf = (content: string) => parseOwnersFile(content).sections.map((s) => [s.filter?.source ?? null, s.config.approvers, s.config.labels]);

  it('matches keys case-insensitively', () => {
    expect(sectionsOf('Approvers:\n- Alice\nLABELS:\n- sig/x\n')).toEqual([[null, ['Alice'], ['sig/x']]]);
    expect(parseOwnersFile('approvers: [a]\nOptions:\n  No_Parent_Owners: true\n').options.noParentOwners).toBe(true);
  });

  it('reads scalars in lists as the strings Go would print (a numeric login is a login)', () => {
    expect(sectionsOf('approvers:\n- 12345\n- 0x1F\n- alice\n')).toEqual([[null, ['12345', '31', 'alice'], []]]);
    const model = buildAreaModel({ paths: ['OWNERS', 'a.go'], files: new Map([['OWNERS', 'approvers:\n- 12345\n']]) });
    expect(model.ownersOf('a.go')).toEqual(['12345']);
  });

  it('reads the first document of a multi-document file', () => {
    expect(sectionsOf('approvers:\n- first\n---\napprovers:\n- second\n')).toEqual([[null, ['first'], []]]);
    expect(sectionsOf('---\nreviewers: [r]\nlabels: [sig/a]\n---\n{ broken\n')).toEqual([[null, [], ['sig/a']]]);
  });

  it('rejects what Go rejects: a filter Go cannot compile is skipped and reported; a mistyped field fails the config', () => {
    const parsed = parseOwnersFile('filters:\n  "(?=lookahead)":\n    approvers: [a]\n  "\\\\.go$":\n    approvers: [b]\n');
    expect(parsed.sections.map((s) => s.filter?.source)).toEqual(['\\.go$']);
    expect(parsed.problems).toEqual([{ line: null, message: 'invalid filter regexp "(?=lookahead)"' }]);
    expect(parseOwnersFile('approvers: alice\n').sections).toEqual([]);
    expect(parseOwnersFile('approvers: [a]\noptions:\n  no_parent_owners: "true"\n').sections).toEqual([]);
  });
});

describe('symlinked OWNERS files', () => {
  it('are skipped in a checkout, as prow walks only regular files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fallacy-watch-owners-symlink-'));
    try {
      const files: Record<string, string> = { OWNERS: 'approvers:\n- root\n', 'shared/OWNERS': 'approvers:\n- shared\nlabels:\n- sig/shared\n', 'linked/a.go': '' };
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
      }
      await symlink('../shared/OWNERS', join(dir, 'linked/OWNERS'));
      execFileSync('git', ['init', '-q', dir]);
      execFileSync('git', ['-C', dir, 'add', '-A']);
      const checkout = await readAreaCheckout(dir);
      expect(checkout.paths).toContain('linked/OWNERS');
      expect([...checkout.files.keys()].sort()).toEqual(['OWNERS', 'shared/OWNERS']);
      const model = buildAreaModel({ paths: checkout.paths, files: checkout.files });
      expect(model.areasOf('linked/a.go')).toEqual(['/']);
      expect(model.ownersOf('linked/a.go')).toEqual(['root']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('shapes met in the real kubernetes/community tree (issue 18 verification)', () => {
  const files = new Map([
    ['OWNERS', 'approvers:\n- root\n'],
    ['events/OWNERS', 'approvers:\n- events-lead\nlabels:\n- sig/contributor-experience\n'],
    // Emptied at the end of an election: null lists and emeritus approvers only. prow stores no entry for it.
    ['events/elections/2020/OWNERS', 'reviewers:\napprovers:\nemeritus_approvers:\n  - past-officer'],
    // Indented with tabs: not YAML, so prow decodes neither config and skips the file.
    ['contributors/devel/OWNERS', 'approvers:\n- devel-lead\nlabels:\n- area/developer-guide\n'],
    ['contributors/devel/local-cluster/OWNERS', 'reviewers:\n\t- someone\napprovers:\n\t- someone\n'],
    // A label outside the area prefixes (kind/…): the file's area is its OWNERS directory.
    ['contributors/design-proposals/OWNERS', 'approvers:\n- architect\nlabels:\n- kind/design\n'],
  ]);
  const paths = [...files.keys(), 'events/elections/2020/README.md', 'contributors/devel/local-cluster/docker.md', 'contributors/design-proposals/access.md'];
  const model = buildAreaModel({ paths, files });

  it('an OWNERS file with no entries gives nothing: its files take the labels above', () => {
    expect(model.areasOf('events/elections/2020/README.md')).toEqual(['sig/contributor-experience']);
    expect(model.ownersOf('events/elections/2020/README.md')).toEqual(['events-lead', 'root']);
  });

  it('a tab-indented OWNERS file is skipped and reported; its files take the labels and owners above', () => {
    expect(model.areasOf('contributors/devel/local-cluster/docker.md')).toEqual(['area/developer-guide']);
    expect(model.ownersOf('contributors/devel/local-cluster/docker.md')).toEqual(['devel-lead', 'root']);
    expect(model.errors.map((error) => error.file)).toEqual(['contributors/devel/local-cluster/OWNERS']);
  });

  it('a label without an area prefix leaves the file in its OWNERS directory', () => {
    expect(model.areasOf('contributors/design-proposals/access.md')).toEqual(['contributors/design-proposals']);
  });
});
