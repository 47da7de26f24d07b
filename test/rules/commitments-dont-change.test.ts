import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/commitments-dont-change/index.js';
import { anArea, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

describe('commitments-dont-change', () => {
  it('is informational by default', () => {
    expect(defaults.severity).toBe('info');
  });

  it.each([
    { case: 'a merged breaking change fires', repo: { breaking_changes_merged: 2 }, title: '2 breaking changes merged in the window' },
    { case: 'no breaking change does not fire', repo: { breaking_changes_merged: 0 }, title: null },
    { case: '5 regressions fire', repo: { regressions_opened: 5 }, title: '5 regressions reported in the window, over the limit of 3' },
    { case: '3 regressions do not fire', repo: { regressions_opened: 3 }, title: null },
  ])('$case', ({ repo, title }) => {
    const titles = evaluate(aRuleInput({ repo }), defaults).findings.map((f) => f.title);
    expect(titles).toEqual(title === null ? [] : [title]);
  });

  it('cites where the breaking changes were merged', () => {
    const input = aRuleInput({
      repo: { breaking_changes_merged: 3 },
      areas: [anArea('sig/api', { breaking_changes_merged: 2 }), anArea('sig/cli', { breaking_changes_merged: 1 })],
    });
    const finding = evaluate(input, defaults).findings.find((f) => f.area === null);
    expect(finding?.evidence).toMatchObject({ breaking_changes_merged: 3, areas: ['sig/api', 'sig/cli'], area_counts: [2, 1] });
    expect(finding?.advice).toMatch(/^If you use a project in unique ways, contribute your feedback and your skill/);
  });

  it('fires per area for owners inactive for a year, logins in the evidence only', () => {
    const input = aRuleInput({
      areas: [
        anArea('sig/storage', { stale_owners: ['zed', 'amy'] }, { owners: ['amy', 'bo', 'zed'] }),
        anArea('sig/node', { stale_owners: [] }, { owners: ['cy'] }),
      ],
    });
    const { findings } = evaluate(input, defaults);
    expect(findings).toEqual([
      expect.objectContaining({
        area: 'sig/storage',
        title: '2 owners in sig/storage inactive for a year',
        evidence: { stale_owners: ['amy', 'zed'], owners: 3, limit: 0 },
      }),
    ]);
  });

  it('reports insufficient data when the metrics are missing', () => {
    const input = aRuleInput({ areas: [anArea('sig/storage', {}, { owners: ['amy'] })] });
    const { findings, insufficientData } = evaluate(input, defaults);
    expect(findings).toEqual([]);
    expect(insufficientData.map((d) => `${d.area}:${d.check}`)).toEqual([
      'null:breaking-changes',
      'null:regressions',
      'sig/storage:stale-owners',
    ]);
  });
});
