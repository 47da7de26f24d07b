import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/supply-chain-is-secure/index.js';
import type { SupplyChainFinding } from '../../src/supply-chain/types.js';
import { aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

function aSupplyChainFinding(overrides: Partial<SupplyChainFinding>): SupplyChainFinding {
  return { kind: 'unpinned-action', severity: 'error', file: '.github/workflows/ci.yml', line: 12, message: 'actions/checkout@v4 is not pinned', ...overrides };
}

describe('supply-chain-is-secure', () => {
  it('reports error findings, one per kind and file, pointing at the first line', () => {
    const input = aRuleInput({
      supplyChain: [
        aSupplyChainFinding({ line: 30, message: 'b' }),
        aSupplyChainFinding({ line: 12, message: 'a' }),
        aSupplyChainFinding({ kind: 'script-injection', line: 7, message: '${{ github.event.issue.title }} in run' }),
      ],
    });
    const { findings } = evaluate(input, defaults);
    expect(findings).toEqual([
      {
        rule: 'supply-chain-is-secure',
        fallacy: 5,
        area: null,
        severity: 'error',
        title: 'Untrusted input in a script in .github/workflows/ci.yml',
        evidence: { kind: 'script-injection', file: '.github/workflows/ci.yml', count: 1, lines: [7], messages: ['${{ github.event.issue.title }} in run'], severities: ['error'] },
        units: { kind: 'text', file: 'text', count: 'count', lines: 'line', messages: 'text', severities: 'text' },
        advice: expect.stringMatching(/^Make your software supply chain secure\. Pass untrusted/),
        location: { path: '.github/workflows/ci.yml', startLine: 7, endLine: 7 },
      },
      expect.objectContaining({
        title: 'Actions not pinned to a commit SHA in .github/workflows/ci.yml (2 places)',
        evidence: expect.objectContaining({ count: 2, lines: [12, 30], messages: ['a', 'b'] }),
        location: { path: '.github/workflows/ci.yml', startLine: 12, endLine: 12 },
      }),
    ]);
  });

  it.each([
    { case: 'an info is below the default minimum severity', severity: 'info' as const, options: {}, fires: false },
    { case: 'a warning fires at the default minimum severity', severity: 'warning' as const, options: {}, fires: true },
    { case: 'a warning is below minSeverity: error', severity: 'warning' as const, options: { minSeverity: 'error' }, fires: false },
    { case: 'an ignored kind does not fire', severity: 'error' as const, options: { ignoreKinds: ['unpinned-action'] }, fires: false },
  ])('$case', ({ severity, options, fires }) => {
    const input = aRuleInput({ supplyChain: [aSupplyChainFinding({ severity })] });
    expect(evaluate(input, configSchema.parse(options)).findings).toHaveLength(fires ? 1 : 0);
  });

  it('keeps the analysis severity, capped by the rule severity', () => {
    const input = aRuleInput({ supplyChain: [aSupplyChainFinding({ severity: 'warning' }), aSupplyChainFinding({ kind: 'script-injection', severity: 'error' })] });
    expect(evaluate(input, defaults).findings.map((f) => [f.evidence.kind, f.severity])).toEqual(
      expect.arrayContaining([['unpinned-action', 'warning'], ['script-injection', 'error']]),
    );
    const capped = evaluate(input, configSchema.parse({ severity: 'warning' })).findings.map((f) => f.severity);
    expect(capped).toEqual(['warning', 'warning']);
  });

  it('gives repository-wide signals no location', () => {
    const input = aRuleInput({ supplyChain: [aSupplyChainFinding({ kind: 'no-security-policy', file: '', line: 0, message: 'no SECURITY.md' })] });
    const [finding] = evaluate(input, defaults).findings;
    expect(finding?.title).toBe('No security policy');
    expect(finding).not.toHaveProperty('location');
  });

  it('does not fire on a clean analysis', () => {
    expect(evaluate(aRuleInput({ supplyChain: [] }), defaults)).toEqual({ findings: [], insufficientData: [] });
  });

  it('reports insufficient data when the supply chain was not analysed', () => {
    const { findings, insufficientData } = evaluate(aRuleInput({ supplyChain: null }), defaults);
    expect(findings).toEqual([]);
    expect(insufficientData).toEqual([expect.objectContaining({ check: 'supply-chain', reason: 'the supply chain has not been analysed' })]);
  });
});
