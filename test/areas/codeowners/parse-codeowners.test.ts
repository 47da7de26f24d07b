import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../../src/areas/codeowners/parse-codeowners.js';
import { createCodeownersResolver } from '../../../src/areas/codeowners/create-codeowners-resolver.js';
import { locateCodeownersFile } from '../../../src/areas/codeowners/locate-codeowners-file.js';

const file = [
  '# Default owners',
  '*       @org/core',
  '',
  '/docs/  @alice docs@example.com  # docs team',
  '*.md    @bob',
  'bad-owner.txt  alice',
  '/docs/generated/',
  '/apps/*/main.ts  @carol',
  '!negated @dave',
].join('\r\n');

describe('parseCodeowners', () => {
  const parsed = parseCodeowners(file, 'CODEOWNERS');

  it('keeps valid rules with their line numbers, skipping comments and blanks', () => {
    expect(parsed.rules.map((rule) => [rule.line, rule.pattern.source])).toEqual([
      [2, '*'],
      [4, '/docs/'],
      [5, '*.md'],
      [7, '/docs/generated/'],
      [8, '/apps/*/main.ts'],
    ]);
  });

  it('reports invalid lines with their line numbers and skips them', () => {
    expect(parsed.errors).toEqual([
      { file: 'CODEOWNERS', line: 6, message: "invalid owner format 'alice' at position 16" },
      { file: 'CODEOWNERS', line: 9, message: "negated pattern '!negated' is not supported" },
    ]);
  });

  it('resolves the last matching rule; a rule without owners un-owns', () => {
    const resolver = createCodeownersResolver(parsed.rules);
    const ownersOf = (path: string) => resolver.resolve(path)?.owners.map((o) => o.value) ?? null;
    expect(ownersOf('src/main.ts')).toEqual(['org/core']);
    expect(ownersOf('docs/guide/intro.txt')).toEqual(['alice', 'docs@example.com']);
    expect(ownersOf('docs/guide/intro.md')).toEqual(['bob']);
    expect(ownersOf('docs/generated/api.md')).toEqual([]);
    expect(ownersOf('apps/web/main.ts')).toEqual(['carol']);
    expect(ownersOf('apps/web/sub/main.ts')).toEqual(['org/core']);
    expect(ownersOf('bad-owner.txt')).toEqual(['org/core']);
  });

  it('resolves nothing without rules', () => {
    expect(createCodeownersResolver([]).resolve('a/b')).toBeNull();
  });
});

describe('createCodeownersResolver agrees with a linear last-match scan', () => {
  const patterns = ['*', '/src/', 'src/*.ts', '*.md', '/src/api/', 'api/', '/src/api/*.go', '**/test/**', '/src/api/v1',
    'docs', '/src/*', '/src/api/v1/', '**/*.go', '/src/ui/**/*.css', 'ui'];
  const content = patterns.map((pattern, i) => `${pattern} @u${i}`).join('\n');
  const { rules } = parseCodeowners(content);
  const resolver = createCodeownersResolver(rules);
  const paths = ['README.md', 'src/main.ts', 'src/api/x.go', 'src/api/v1/y.go', 'src/api/v1', 'src/ui/a/b.css',
    'lib/test/a.ts', 'docs/x', 'a/docs/b', 'src/ui', 'src/api/test/z.md', 'api/q', 'x/api/q', 'src/a/b/c.ts'];

  it.each(paths)('%s', (path) => {
    const linear = [...rules].reverse().find((rule) => rule.pattern.test(path)) ?? null;
    expect(resolver.resolve(path)).toBe(linear);
  });
});

describe('locateCodeownersFile', () => {
  it.each([
    [['CODEOWNERS', 'docs/CODEOWNERS', '.github/CODEOWNERS'], '.github/CODEOWNERS'],
    [['docs/CODEOWNERS', 'CODEOWNERS'], 'CODEOWNERS'],
    [['docs/CODEOWNERS'], 'docs/CODEOWNERS'],
    [['src/CODEOWNERS', 'README.md'], null],
  ])('%j → %s', (paths, expected) => {
    expect(locateCodeownersFile(paths)).toBe(expected);
  });
});
