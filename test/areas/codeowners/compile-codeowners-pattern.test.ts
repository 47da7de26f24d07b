import { describe, expect, it } from 'vitest';
import { compileCodeownersPattern } from '../../../src/areas/codeowners/compile-codeowners-pattern.js';
import { readSharedFixture } from '../read-shared-fixture.js';

interface PatternFixture {
  name: string;
  pattern: string;
  paths: Record<string, boolean>;
}

const fixtures = readSharedFixture<PatternFixture[]>('codeowners/patterns.json');
const assertions = fixtures.flatMap((fixture) =>
  Object.entries(fixture.paths).map(([path, matches]) => ({ ...fixture, path, matches })),
);

describe('compileCodeownersPattern (hmarr/codeowners patterns.json, GitHub semantics)', () => {
  it('covers all 153 path assertions of the fixture', () => {
    expect(assertions).toHaveLength(153);
  });

  it.each(assertions)('$name: `$pattern` on $path → $matches', ({ pattern, path, matches }) => {
    expect(compileCodeownersPattern(pattern).test(path)).toBe(matches);
  });
});

describe('compileCodeownersPattern edge cases', () => {
  it('rejects an empty pattern and three consecutive asterisks', () => {
    expect(() => compileCodeownersPattern('')).toThrow('empty pattern');
    expect(() => compileCodeownersPattern('foo/***')).toThrow('three consecutive asterisks');
  });

  it('matches nothing for a lone slash', () => {
    expect(compileCodeownersPattern('/').test('foo')).toBe(false);
  });

  it('is case-sensitive, as GitHub is', () => {
    expect(compileCodeownersPattern('/Docs/').test('docs/a.md')).toBe(false);
    expect(compileCodeownersPattern('/Docs/').test('Docs/a.md')).toBe(true);
  });

  it('keeps an escaped space in a pattern', () => {
    expect(compileCodeownersPattern('my\\ dir/').test('my dir/file')).toBe(true);
  });

  it('reports the anchored literal prefix it is indexed under', () => {
    expect(compileCodeownersPattern('/src/api/*.go').anchoredPrefix).toEqual(['src', 'api']);
    expect(compileCodeownersPattern('src/api').anchoredPrefix).toEqual(['src', 'api']);
    expect(compileCodeownersPattern('*.md').anchoredPrefix).toBeNull();
    expect(compileCodeownersPattern('docs/').anchoredPrefix).toBeNull();
    expect(compileCodeownersPattern('**/foo/bar').anchoredPrefix).toBeNull();
    expect(compileCodeownersPattern('/*').anchoredPrefix).toEqual([]);
  });
});
