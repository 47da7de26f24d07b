import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FALLACY_NAMES, lookUpFallacy } from '../../src/render/fallacy-names.js';
import { rules } from '../../src/rules/registry.js';

const spec = fileURLToPath(new URL('../../../shared/spec/fallacies.md', import.meta.url));
const src = fileURLToPath(new URL('../../src/', import.meta.url));

describe('FALLACY_NAMES', () => {
  it('lists the eight fallacies in order', () => {
    expect(FALLACY_NAMES.map((fallacy) => fallacy.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('is the rules registry: every rule renders with its own metadata, one number each', () => {
    for (const { metadata } of rules) {
      expect(lookUpFallacy(metadata.fallacy)).toEqual({
        number: metadata.fallacy,
        rule: metadata.id,
        name: metadata.title,
        short: metadata.short,
        reality: metadata.reality,
      });
    }
    expect(new Set(rules.map((rule) => rule.metadata.fallacy)).size).toBe(rules.length);
    expect(FALLACY_NAMES).toHaveLength(rules.length);
  });

  it.skipIf(!existsSync(spec))('agrees with the product spec table: number, rule id, name and The Reality', () => {
    const rows = readFileSync(spec, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const match = /^\| (\d) \| `([a-z-]+)` \| ([^|]+) \| ([^|]+) \|/.exec(line);
        return match ? [{ number: Number(match[1]), rule: match[2], name: match[3]!.trim(), reality: match[4]!.trim() }] : [];
      });
    expect(rows).toHaveLength(8);
    expect(FALLACY_NAMES.map(({ number, rule, name, reality }) => ({ number, rule, name, reality }))).toEqual(rows);
  });

  it('gives an unknown fallacy number a generic name instead of failing', () => {
    expect(lookUpFallacy(99)).toMatchObject({ number: 99, name: 'Fallacy 99', reality: '' });
  });
});

/**
 * Output code names a rule by its metadata (`toFallacyName(metadata)`, `finding.rule === …`), never by a fallacy
 * number written into the code: a renumbered or added rule would otherwise render under another's name.
 */
describe('render and publish code', () => {
  const NUMBER_IN_CODE = /lookUpFallacy\(\d|fallacyTag\(\d|\.fallacy\s*[!=]==?\s*\d|\d\s*[!=]==?\s*\w+\.fallacy\b/;

  it('name no fallacy by its number', () => {
    const offenders = ['render', 'publish', 'report', 'application']
      .flatMap((folder) => listTypeScript(join(src, folder)).map((file) => file.slice(src.length)))
      .filter((file) => NUMBER_IN_CODE.test(readFileSync(join(src, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listTypeScript(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
