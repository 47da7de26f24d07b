import { describe, expect, it } from 'vitest';
import { createRuleReporter } from '../../src/rules/create-rule-reporter.js';
import type { RuleMetadata } from '../../src/rules/fallacy-rule.js';
import { rules } from '../../src/rules/registry.js';
import { renderEvidence } from '../../src/render/render-evidence.js';
import { plainText } from '../../src/render/render-evidence.js';

const metadata: RuleMetadata = {
  id: 'a-rule',
  fallacy: 9,
  title: 'A rule',
  short: 'a rule',
  summary: '',
  reality: 'Reality',
  checks: {},
  evidenceUnits: { wait_hours: 'hours', limit: 'count' },
};

describe('evidence units are declared where evidence is produced', () => {
  it('gives each finding the unit of every evidence key, the finding’s own declaration first', () => {
    const reporter = createRuleReporter(metadata, 'warning');
    reporter.fire({ area: null, title: 't', evidence: { wait_hours: 80, limit: 0.5 }, units: { limit: 'share' }, action: 'a' });
    expect(reporter.result().findings[0]!.units).toEqual({ wait_hours: 'hours', limit: 'share' });
  });

  it('fails a rule whose evidence key has no declared unit, whatever its name says', () => {
    const reporter = createRuleReporter(metadata, 'warning');
    expect(() => reporter.fire({ area: null, title: 't', evidence: { wait_hours: 80, review_share: 0.5 }, action: 'a' })).toThrow(
      'rule a-rule: evidence key "review_share" has no declared unit',
    );
    expect(() => reporter.fire({ area: null, title: 't', evidence: { p50_days: 3 }, action: 'a' })).toThrow(/"p50_days" has no declared unit/);
  });

  it('renders numbers by their declared unit, not by their key’s name', () => {
    const evidence = { wait_hours: 80, idle_days: 3, limit: 0.25, top_share: 0.5 };
    expect(renderEvidence(evidence, { wait_hours: 'count', idle_days: 'number', limit: 'share', top_share: 'number' }, plainText)).toBe(
      'wait: 80; idle: 3; limit: 25%; top share: 0.5',
    );
    expect(renderEvidence(evidence, { wait_hours: 'hours', idle_days: 'days', limit: 'count', top_share: 'share' }, plainText)).toBe(
      'wait: 3.3 d; idle: 3 d; limit: 0.25; top share: 50%',
    );
    expect(() => renderEvidence({ wait_hours: 80 }, {}, plainText)).toThrow(/"wait_hours" has no declared unit/);
  });

  it('every rule declares units only from the known set', () => {
    const known = new Set(['hours', 'days', 'share', 'count', 'number', 'line', 'text', 'flag']);
    for (const rule of rules) for (const unit of Object.values(rule.metadata.evidenceUnits)) expect(known.has(unit)).toBe(true);
  });
});
