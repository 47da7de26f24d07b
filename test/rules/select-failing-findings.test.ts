import { describe, expect, it } from 'vitest';
import { selectFailingFindings } from '../../src/rules/select-failing-findings.js';
import type { Finding, Severity } from '../../src/rules/types.js';

function aFinding(rule: string, severity: Severity): Finding {
  return { rule, fallacy: 1, area: null, severity, title: `${rule} ${severity}`, evidence: {}, units: {}, advice: '' };
}

const findings = [aFinding('onboarding-is-free', 'info'), aFinding('compromise-is-rare', 'warning'), aFinding('supply-chain-is-secure', 'error')];

describe('selectFailingFindings', () => {
  it.each([
    { failOn: ['error'], fails: ['supply-chain-is-secure'] },
    { failOn: ['warning'], fails: ['compromise-is-rare', 'supply-chain-is-secure'] },
    { failOn: ['info'], fails: ['onboarding-is-free', 'compromise-is-rare', 'supply-chain-is-secure'] },
    { failOn: ['onboarding-is-free'], fails: ['onboarding-is-free'] },
    { failOn: ['error', 'onboarding-is-free'], fails: ['onboarding-is-free', 'supply-chain-is-secure'] },
    { failOn: [], fails: [] },
  ])('failOn $failOn fails on $fails', ({ failOn, fails }) => {
    expect(selectFailingFindings(findings, failOn).map((f) => f.rule)).toEqual(fails);
  });
});
