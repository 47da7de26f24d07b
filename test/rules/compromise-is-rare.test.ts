import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/compromise-is-rare/index.js';
import { anArea, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

describe('compromise-is-rare', () => {
  it('fires on a PR merged over a change request, citing the areas', () => {
    const input = aRuleInput({
      repo: { merged_over_change_request: 2, prs_merged: 30 },
      areas: [anArea('sig/storage', { merged_over_change_request: 2, prs_started: 0 })],
    });
    const finding = evaluate(input, defaults).findings.find((f) => f.area === null);
    expect(finding).toMatchObject({
      rule: 'compromise-is-rare',
      fallacy: 6,
      title: '2 PRs merged while a reviewer still requested changes',
      evidence: { merged_over_change_request: 2, prs_merged: 30, limit: 0, areas: ['sig/storage'], area_counts: [2] },
      advice: expect.stringMatching(/^Take into account maintainer incoherencies\. /),
    });
  });

  it.each([
    { case: 'no merge over a change request does not fire', repo: { merged_over_change_request: 0 }, fires: false },
    { case: '4 contested PRs fire', repo: { contested_prs: 4 }, fires: true },
    { case: '3 contested PRs do not fire', repo: { contested_prs: 3 }, fires: false },
  ])('$case', ({ repo, fires }) => {
    expect(evaluate(aRuleInput({ repo }), defaults).findings).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    { case: 'an area with one active reviewer and 5 PRs fires', active: 1, started: 5, fires: true },
    { case: 'an area with two active reviewers does not fire', active: 2, started: 5, fires: false },
    { case: 'an area with 2 PRs is insufficient data', active: 0, started: 2, fires: false },
  ])('quorum: $case', ({ active, started, fires }) => {
    const input = aRuleInput({ areas: [anArea('sig/storage', { active_reviewers: active, prs_started: started })] });
    const { findings, insufficientData } = evaluate(input, defaults);
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0]).toMatchObject({ area: 'sig/storage', title: '1 active reviewer in sig/storage, fewer than the quorum of 2' });
    if (started < defaults.minPrsStarted) {
      expect(insufficientData).toContainEqual(expect.objectContaining({ area: 'sig/storage', check: 'quorum', evidence: { n: 2, minimum: 3 } }));
    }
  });

  it('judges the repository’s quorum when there are no areas', () => {
    const { findings } = evaluate(aRuleInput({ repo: { active_reviewers: 1, prs_started: 9 } }), defaults);
    expect(findings).toEqual([expect.objectContaining({ area: null, evidence: { active_reviewers: 1, prs_started: 9, quorum: 2 } })]);
  });
});
