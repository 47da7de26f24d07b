import { describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import { computeOwnersFileCoverage, listUnownedPaths } from '../../src/metrics/owners-file-coverage.js';

const codeowners = ['/api/  @alice', '/web/  @org/web', '/web/generated/', '*.md  docs@example.com'].join('\n');
const model = buildAreaModel({ paths: [], files: new Map([['.github/CODEOWNERS', codeowners]]) });

describe('owners_file_coverage', () => {
  it.each([
    { name: 'every file owned', paths: ['api/a.go', 'web/b.ts'], area: undefined, expected: 1 },
    { name: 'a file no rule matches is unowned', paths: ['api/a.go', 'tools/x.sh'], area: undefined, expected: 0.5 },
    { name: 'a rule without owners un-owns', paths: ['web/b.ts', 'web/generated/c.ts', 'README.md', 'Makefile'], area: undefined, expected: 0.5 },
    { name: 'team owners count as owners', paths: ['web/b.ts'], area: undefined, expected: 1 },
    { name: 'restricted to an area', paths: ['api/a.go', 'api/b.go', 'web/b.ts'], area: 'api', expected: 1 },
    { name: 'no files', paths: [], area: undefined, expected: null },
    { name: 'no files in the area', paths: ['web/b.ts'], area: 'api', expected: null },
  ])('$name → $expected', ({ paths, area, expected }) => {
    expect(computeOwnersFileCoverage({ model, paths, ...(area ? { area } : {}) })).toBe(expected);
  });

  it('lists the unowned paths, sorted', () => {
    expect(listUnownedPaths(model, ['tools/x.sh', 'api/a.go', 'Makefile', 'web/generated/c.ts'])).toEqual(['Makefile', 'tools/x.sh', 'web/generated/c.ts']);
  });
});
