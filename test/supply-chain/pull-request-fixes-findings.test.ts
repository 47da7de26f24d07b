import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../src/supply-chain/analyze-workflow.js';
import { computeChangedLines } from '../../src/supply-chain/changed-lines.js';
import { selectFindingsOnChangedLines } from '../../src/supply-chain/select-findings-on-changed-lines.js';

const PATH = '.github/workflows/ci.yml';
const fixture = (name: string) => readFileSync(new URL(`fixtures/pull_request.pins-actions.${name}`, import.meta.url), 'utf8');

describe('a pull request that pins its actions and adds permissions:', () => {
  const before = analyzeWorkflow(PATH, fixture('base.yml'));
  const after = analyzeWorkflow(PATH, fixture('head.yml'));

  it('the unpinned, permission-less version has findings', () => {
    expect(before.map((finding) => [finding.kind, finding.line])).toEqual([
      ['missing-permissions', 0],
      ['unpinned-action', 10],
      ['unpinned-action', 11],
      ['unpinned-action', 14],
    ]);
  });

  it('the next check run on the pinned version with permissions: has none', () => {
    expect(after).toEqual([]);
  });

  it('the patch touches exactly the lines that fixed them', () => {
    const changed = computeChangedLines(fixture('patch'));
    expect([...changed]).toEqual([6, 7, 12, 13, 16]);
    expect(selectFindingsOnChangedLines(after, new Map([[PATH, changed]]))).toEqual([]);
  });

  it('had the PR introduced the unpinned version, its findings would sit on the lines it added', () => {
    const text = fixture('base.yml');
    const lineCount = text.trimEnd().split('\n').length;
    const newFilePatch = `@@ -0,0 +1,${lineCount} @@\n${text.trimEnd().split('\n').map((line) => `+${line}`).join('\n')}`;
    const selected = selectFindingsOnChangedLines(before, new Map([[PATH, computeChangedLines(newFilePatch)]]));
    expect(selected).toEqual(before);
  });
});
