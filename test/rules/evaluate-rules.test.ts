import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import type { SuppressEntry } from '../../src/config/suppress-entry-schema.js';
import { evaluateRules, isSuppressionActive } from '../../src/rules/evaluate-rules.js';
import { aDistribution, anArea, aRuleInput, NOW } from './builders.js';

/** An input that makes three rules fire: a slow area, an overdue milestone, an unpinned action. */
const input = aRuleInput({
  repo: { overdue_milestones: 2 },
  areas: [
    anArea('sig/storage', { pr_time_to_first_review_hours: aDistribution(10, 100) }),
    anArea('sig/apps', { pr_time_to_first_review_hours: aDistribution(10, 90) }),
  ],
  supplyChain: [{ kind: 'unpinned-action', severity: 'error', file: '.github/workflows/ci.yml', line: 3, message: 'unpinned' }],
});

function settings(overrides: { rules?: Record<string, unknown>; suppress?: SuppressEntry[] } = {}) {
  const config = createDefaultConfig();
  for (const [id, options] of Object.entries(overrides.rules ?? {})) config.rules[id] = { ...config.rules[id]!, ...(options as object) };
  return { rules: config.rules, suppress: overrides.suppress ?? [] };
}

describe('evaluateRules', () => {
  it('runs every rule and sorts findings by severity, fallacy, area and title', () => {
    const { findings } = evaluateRules(input, settings());
    expect(findings.map((f) => [f.severity, f.rule, f.area])).toEqual([
      ['error', 'supply-chain-is-secure', null],
      ['warning', 'timelines-are-reliable', null],
      ['warning', 'feedback-loops-are-tight', 'sig/apps'],
      ['warning', 'feedback-loops-are-tight', 'sig/storage'],
    ]);
  });

  it('runs each rule with its defaults when the config has no entry for it', () => {
    const { findings } = evaluateRules(input, { rules: {}, suppress: [] });
    expect(findings).toHaveLength(4);
  });

  it('skips disabled rules, including their insufficient-data notes', () => {
    const outcome = evaluateRules(input, settings({ rules: { 'feedback-loops-are-tight': { enabled: false } } }));
    expect(outcome.findings.map((f) => f.rule)).not.toContain('feedback-loops-are-tight');
    expect(outcome.insufficientData.map((d) => d.rule)).not.toContain('feedback-loops-are-tight');
  });

  it('applies thresholds and severity overrides from the config', () => {
    const { findings } = evaluateRules(
      input,
      settings({ rules: { 'feedback-loops-are-tight': { maxFirstReviewHours: 95, severity: 'error' } } }),
    );
    expect(findings.filter((f) => f.rule === 'feedback-loops-are-tight')).toEqual([
      expect.objectContaining({ area: 'sig/storage', severity: 'error' }),
    ]);
  });

  it('moves findings matched by an active suppression aside, with its reason', () => {
    const outcome = evaluateRules(
      input,
      settings({
        suppress: [
          { rule: 'feedback-loops-are-tight', area: 'sig/storage', until: '2026-11-22', reason: 'reviewers at KubeCon' },
          { rule: 'timelines-are-reliable', reason: 'milestones are not used' },
        ],
      }),
    );
    expect(outcome.findings.map((f) => `${f.rule}:${f.area}`)).toEqual(['supply-chain-is-secure:null', 'feedback-loops-are-tight:sig/apps']);
    expect(outcome.suppressed).toEqual([
      { finding: expect.objectContaining({ rule: 'timelines-are-reliable' }), reason: 'milestones are not used', until: null },
      { finding: expect.objectContaining({ area: 'sig/storage' }), reason: 'reviewers at KubeCon', until: '2026-11-22' },
    ]);
    expect(outcome.expiredSuppressions).toEqual([]);
  });

  it('ignores and lists suppressions whose date has passed', () => {
    const expired: SuppressEntry = { rule: 'supply-chain-is-secure', until: '2026-11-21', reason: 'migration' };
    const outcome = evaluateRules(input, settings({ suppress: [expired] }));
    expect(outcome.findings.map((f) => f.rule)).toContain('supply-chain-is-secure');
    expect(outcome.suppressed).toEqual([]);
    expect(outcome.expiredSuppressions).toEqual([expired]);
  });

  it('returns insufficient data sorted by fallacy, area and check', () => {
    const { insufficientData } = evaluateRules(input, settings());
    const keys = insufficientData.map((d) => [d.fallacy, d.area ?? '', d.check] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(insufficientData.length).toBeGreaterThan(0);
  });

  it('gives the same outcome for the same input', () => {
    expect(evaluateRules(input, settings())).toEqual(evaluateRules(input, settings()));
  });
});

describe('isSuppressionActive', () => {
  it.each([
    { until: undefined, active: true },
    { until: '2026-11-22', active: true },
    { until: '2026-11-21', active: false },
    { until: '2026-11-22T00:00:00Z', active: false },
    { until: '2026-11-22T00:00:01Z', active: true },
    { until: '2026-11-22T01:00:00+02:00', active: false },
  ])('until $until at 2026-11-22T00:00Z: $active', ({ until, active }) => {
    expect(isSuppressionActive(until === undefined ? {} : { until }, NOW)).toBe(active);
  });
});
