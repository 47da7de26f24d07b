import { describe, expect, it } from 'vitest';
import { computeChangedLines } from '../../src/supply-chain/changed-lines.js';
import { selectFindingsOnChangedLines } from '../../src/supply-chain/select-findings-on-changed-lines.js';
import type { SupplyChainFinding } from '../../src/supply-chain/types.js';

describe('computeChangedLines', () => {
  it('collects added lines in new-file numbering across hunks, skipping removed lines', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' on: push',
      '+permissions: {}',
      ' jobs:',
      '   a:',
      '     runs-on: ubuntu-latest',
      '@@ -10,3 +11,3 @@ jobs:',
      '     steps:',
      '-      - uses: actions/checkout@v4',
      '+      - uses: actions/checkout@a81bbbf8298c0fa03ea29cdc473d45769f953675',
      '       - run: make',
    ].join('\n');
    expect([...computeChangedLines(patch)]).toEqual([2, 12]);
  });

  it('a new file is all added lines', () => {
    expect([...computeChangedLines('@@ -0,0 +1,3 @@\n+on: push\n+jobs: {}\n+# end')]).toEqual([1, 2, 3]);
  });

  it('"\\ No newline at end of file" does not shift lines', () => {
    expect([...computeChangedLines('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file')]).toEqual([2]);
  });

  it('no patch (binary or too large) means no lines', () => {
    expect(computeChangedLines(undefined).size).toBe(0);
    expect(computeChangedLines('').size).toBe(0);
  });
});

describe('selectFindingsOnChangedLines', () => {
  const finding = (file: string, line: number): SupplyChainFinding => ({
    kind: 'unpinned-action',
    severity: 'warning',
    file,
    line,
    message: 'm',
  });

  it('keeps findings on changed lines and file-level findings of changed files only', () => {
    const findings = [finding('a.yml', 3), finding('a.yml', 4), finding('a.yml', 0), finding('b.yml', 3), finding('', 0)];
    const selected = selectFindingsOnChangedLines(findings, new Map([['a.yml', new Set([3])]]));
    expect(selected.map((f) => [f.file, f.line])).toEqual([
      ['a.yml', 3],
      ['a.yml', 0],
    ]);
  });
});
