import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FALLACY_NAMES, lookUpFallacy } from '../../src/render/fallacy-names.js';

const spec = fileURLToPath(new URL('../../../shared/spec/fallacies.md', import.meta.url));

describe('FALLACY_NAMES', () => {
  it('lists the eight fallacies in order', () => {
    expect(FALLACY_NAMES.map((fallacy) => fallacy.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
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
    expect(lookUpFallacy(9)).toMatchObject({ number: 9, name: 'Fallacy 9', reality: '' });
  });
});
