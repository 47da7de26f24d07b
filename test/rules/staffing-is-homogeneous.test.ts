import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/staffing-is-homogeneous/index.js';
import { anArea, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

describe('staffing-is-homogeneous', () => {
  it('fires for an area whose demand per reviewer is over 3 times the median area’s', () => {
    const input = aRuleInput({
      areas: [
        anArea('sig/apps', { workload_per_active_reviewer: 2 }),
        anArea('sig/node', { workload_per_active_reviewer: 3 }),
        anArea('sig/storage', { workload_per_active_reviewer: 12 }),
        anArea('sig/docs', { workload_per_active_reviewer: 4 }),
      ],
    });
    const { findings } = evaluate(input, defaults);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'staffing-is-homogeneous',
        fallacy: 8,
        area: 'sig/storage',
        title: '12 size-weighted open PRs per active reviewer in sig/storage, 3.4 times the median area’s 3.5',
        evidence: { workload_per_active_reviewer: 12, median_area_workload: 3.5, ratio: 12 / 3.5, areas_compared: 4, limit: 3 },
        advice: expect.stringMatching(/^Critical areas are the ones that are often understaffed\. /),
      }),
    ]);
  });

  it('does not compare fewer than 3 areas', () => {
    const input = aRuleInput({ areas: [anArea('a', { workload_per_active_reviewer: 1 }), anArea('b', { workload_per_active_reviewer: 50 })] });
    const { findings, insufficientData } = evaluate(input, defaults);
    expect(findings).toEqual([]);
    expect(insufficientData).toContainEqual(expect.objectContaining({ area: null, check: 'demand-spread', evidence: { n: 2, minimum: 3 } }));
  });

  it.each([
    { case: 'bus factor 1 with 5 PRs fires', factor: 1, active: 3, started: 5, title: 'Bus factor 1 in sig/storage: one reviewer does most of the reviewing' },
    { case: 'bus factor 2 does not fire', factor: 2, active: 3, started: 5, title: null },
    { case: 'no active reviewer with 5 PRs fires', factor: 0, active: 0, started: 5, title: '5 PRs started in sig/storage and nobody reviewed there in 90 days' },
    { case: 'bus factor 1 with 2 PRs is insufficient data', factor: 1, active: 1, started: 2, title: null },
  ])('$case', ({ factor, active, started, title }) => {
    const input = aRuleInput({
      areas: [anArea('sig/storage', { reviewer_absence_factor: factor, active_reviewers: active, prs_started: started })],
    });
    const titles = evaluate(input, defaults).findings.map((f) => f.title);
    expect(titles).toEqual(title === null ? [] : [title]);
  });

  it('fires when every listed owner of an area is inactive, not when one is active', () => {
    const input = aRuleInput({
      areas: [
        anArea('sig/storage', { prs_started: 4, active_reviewers: 2, reviewer_absence_factor: 2, stale_owners: ['amy', 'bo'] }, { owners: ['bo', 'amy'] }),
        anArea('sig/node', { prs_started: 4, active_reviewers: 2, reviewer_absence_factor: 2, stale_owners: ['cy'] }, { owners: ['cy', 'dee'] }),
      ],
    });
    expect(evaluate(input, defaults).findings).toEqual([
      expect.objectContaining({
        area: 'sig/storage',
        title: 'All 2 owners in sig/storage inactive for a year',
        evidence: { owners: ['amy', 'bo'], stale_owners: ['amy', 'bo'], prs_started: 4 },
      }),
    ]);
  });

  it.each([
    { coverage: 0.3, fires: true },
    { coverage: 0.5, fires: false },
  ])('owners coverage $coverage fires: $fires', ({ coverage, fires }) => {
    const findings = evaluate(aRuleInput({ repo: { owners_file_coverage: coverage } }), defaults).findings;
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0]).toMatchObject({ area: null, title: '30% of the files have an owner, under 50%' });
  });
});
