import { describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import { areasConfigSchema } from '../../src/areas/area-config-schema.js';
import { nameCodeownersArea } from '../../src/areas/name-codeowners-area.js';
import { touchesAreaSources } from '../../src/areas/touches-area-sources.js';

const paths = ['README.md', 'go.mod', 'pkg/api/types.go', 'pkg/api/docs.md', 'pkg/volume/csi/driver.go', 'docs/intro.md', 'vendor/x/y/z.go', 'hack/build.sh'];

describe('buildAreaModel with CODEOWNERS', () => {
  const files = new Map([
    ['CODEOWNERS', 'stray line without owners at root? no'],
    ['.github/CODEOWNERS', ['*  @Org/Core', '/pkg/api/  @alice @bob', '*.md  docs@example.com', '/vendor/', 'README.md @carol', 'bad  nobody'].join('\n')],
  ]);
  const model = buildAreaModel({ paths, files });

  it('uses the first CODEOWNERS location GitHub reads', () => {
    expect(model.source).toBe('codeowners');
    expect(model.codeownersFile).toBe('.github/CODEOWNERS');
  });

  it('names an area per rule by the directory its pattern points at', () => {
    expect(model.areas.map((area) => [area.name, area.owners])).toEqual([
      ['/', ['carol', 'org/core']],
      ['pkg/api', ['alice', 'bob']],
      ['*.md', ['docs@example.com']],
    ]);
  });

  it('resolves owners with last-match-wins; a rule without owners un-owns', () => {
    expect(model.ownersOf('pkg/api/types.go')).toEqual(['alice', 'bob']);
    expect(model.areasOf('pkg/api/types.go')).toEqual(['pkg/api']);
    expect(model.ownersOf('pkg/api/docs.md')).toEqual(['docs@example.com']);
    expect(model.ownersOf('vendor/x/y/z.go')).toEqual([]);
    expect(model.areasOf('vendor/x/y/z.go')).toEqual([]);
    expect(model.ownersOf('README.md')).toEqual(['carol']);
    expect(model.ownersOf('hack/build.sh')).toEqual(['org/core']);
  });

  it('keeps team owners as one org/team unit', () => {
    expect(model.ownersOf('go.mod')).toEqual(['org/core']);
  });

  it('reports invalid lines with file and line', () => {
    expect(model.errors).toEqual([{ file: '.github/CODEOWNERS', line: 6, message: "invalid owner format 'nobody' at position 6" }]);
  });
});

describe('buildAreaModel with OWNERS (prow semantics)', () => {
  const files = new Map([
    ['OWNERS', 'approvers:\n- root-approver\nlabels:\n- kind/repo'],
    ['pkg/volume/OWNERS', 'approvers:\n- storage-approvers\nreviewers:\n- Dave\nlabels:\n- sig/storage\n- area/volume'],
    ['pkg/volume/csi/OWNERS', 'options:\n  no_parent_owners: true\napprovers:\n- erin\nlabels:\n- sig/storage'],
    ['pkg/api/OWNERS', 'filters:\n  "\\\\.go$":\n    approvers:\n    - frank'],
    ['vendor/x/y/OWNERS', 'approvers:\n- vendored'],
    ['OWNERS_ALIASES', 'aliases:\n  Storage-Approvers:\n  - carol\n  - bob'],
    ['.github/CODEOWNERS', '* @ignored'],
  ]);
  const model = buildAreaModel({ paths: [...paths, 'pkg/volume/util.go'], files });

  it('prefers OWNERS over CODEOWNERS', () => {
    expect(model.source).toBe('owners');
    expect(model.codeownersFile).toBeNull();
  });

  it('makes an area per area label of the OWNERS files, and one per OWNERS directory whose files carry none', () => {
    expect(model.areas.map((area) => [area.name, area.definedBy, area.approvers, area.reviewers])).toEqual([
      ['/', [''], ['root-approver'], []],
      ['area/volume', ['pkg/volume'], ['bob', 'carol'], ['dave']],
      ['pkg/api', ['pkg/api'], ['frank'], []],
      ['sig/storage', ['pkg/volume', 'pkg/volume/csi'], ['bob', 'carol', 'erin'], ['dave']],
    ]);
  });

  it("places a path in the areas of its labels (prow's FindLabelsForFile), else its nearest applicable OWNERS directory", () => {
    expect(model.areasOf('pkg/volume/util.go')).toEqual(['area/volume', 'sig/storage']);
    // no_parent_owners stops the walk once csi's own labels are found.
    expect(model.areasOf('pkg/volume/csi/driver.go')).toEqual(['sig/storage']);
    expect(model.areasOf('pkg/api/types.go')).toEqual(['pkg/api']);
    expect(model.areasOf('pkg/api/docs.md')).toEqual(['/']);
    expect(model.areasOf('vendor/x/y/z.go')).toEqual(['/']);
  });

  it('gives a path the approvers and reviewers up its tree, stopping at no_parent_owners', () => {
    expect(model.ownersOf('pkg/volume/util.go')).toEqual(['bob', 'carol', 'dave', 'root-approver']);
    // csi has no reviewers of its own, so (as in prow) the walk continues to pkg/volume's reviewers.
    expect(model.ownersOf('pkg/volume/csi/driver.go')).toEqual(['dave', 'erin']);
    expect(model.ownersOf('vendor/x/y/z.go')).toEqual(['root-approver']);
    expect(model.ownersOf('pkg/api/types.go')).toEqual(['frank', 'root-approver']);
  });

  it('maps labels to the areas that declare them, and prefixed labels to areas of their own', () => {
    expect(model.areasForLabels(['SIG/Storage', 'area/docs', 'kind/bug', 'kind/repo'])).toEqual(['sig/storage', 'area/docs', '/']);
  });
});

describe('buildAreaModel with config areas', () => {
  const configAreas = areasConfigSchema.parse([
    { name: 'api', paths: ['/pkg/api/'], owners: ['@Alice', '@org/api-team'], labels: ['area/api'] },
    { name: 'docs', paths: ['*.md'] },
    { name: 'broken', paths: ['a/***'] },
  ]);
  const files = new Map([['CODEOWNERS', '* @core\n/pkg/ @pkg-owner']]);
  const model = buildAreaModel({ paths, files, configAreas });

  it('declared areas override the file source per path', () => {
    expect(model.source).toBe('config');
    expect(model.fileSource).toBe('codeowners');
    expect(model.areasOf('pkg/api/docs.md')).toEqual(['api', 'docs']);
    expect(model.areasOf('pkg/volume/csi/driver.go')).toEqual(['pkg']);
    expect(model.areas.slice(0, 3).map((area) => area.source)).toEqual(['config', 'config', 'config']);
  });

  it('takes owners from the declared area, or from the file source when it declares none', () => {
    expect(model.ownersOf('pkg/api/types.go')).toEqual(['alice', 'org/api-team']);
    expect(model.ownersOf('docs/intro.md')).toEqual(['core']);
  });

  it('reports a bad pattern as a config error', () => {
    expect(model.errors).toEqual([{ file: '.github/fallacy-watch.yml', line: null, message: 'areas[2].paths[0] "a/***": pattern cannot contain three consecutive asterisks' }]);
  });

  it('maps labels declared by config areas', () => {
    expect(model.areasForLabels(['area/api'])).toEqual(['api']);
  });
});

describe('buildAreaModel without area files', () => {
  const model = buildAreaModel({ paths, files: new Map() });
  it('falls back to top-level directories, ownerless', () => {
    expect(model.source).toBe('directories');
    expect(model.areas.map((area) => area.name)).toEqual(['/', 'docs', 'hack', 'pkg', 'vendor']);
    expect(model.areasOf('pkg/api/types.go')).toEqual(['pkg']);
    expect(model.areasOf('go.mod')).toEqual(['/']);
    expect(model.ownersOf('pkg/api/types.go')).toEqual([]);
  });
  it('uses configurable label prefixes', () => {
    const custom = buildAreaModel({ paths, files: new Map(), labelPrefixes: ['component/'] });
    expect(custom.areasForLabels(['component/ui', 'area/x'])).toEqual(['component/ui']);
  });
});

describe('nameCodeownersArea', () => {
  const tracked = new Set(['src/main.ts', 'Makefile']);
  it.each([
    ['/src/api/', 'src/api'],
    ['src/api/**', 'src/api'],
    ['/src/api/*.go', 'src/api'],
    ['/src/api/*', 'src/api'],
    ['/src/main.ts', 'src'],
    ['Makefile', '/'],
    ['*', '/'],
    ['/**', '/'],
    ['*.md', '*.md'],
    ['**/test/', '**/test'],
    ['docs/', 'docs'],
    ['my\\ dir/', 'my dir'],
    ['/apps/*/main.ts', 'apps'],
  ])('%s → %s', (pattern, name) => {
    expect(nameCodeownersArea(pattern, (path) => tracked.has(path))).toBe(name);
  });
});

describe('touchesAreaSources', () => {
  it.each([
    [['src/a.ts', '.github/CODEOWNERS'], true],
    [['docs/CODEOWNERS'], true],
    [['pkg/volume/OWNERS'], true],
    [['OWNERS_ALIASES'], true],
    [['.github/fallacy-watch.yml'], true],
    [['src/CODEOWNERS', 'src/OWNERS.md', 'README.md'], false],
    [[], false],
  ])('%j → %s', (changed, expected) => {
    expect(touchesAreaSources(changed)).toBe(expected);
  });
});
