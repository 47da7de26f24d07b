import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/timelines-are-reliable/index.js';
import { aDistribution, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});
const checksFired = (repo: Parameters<typeof aRuleInput>[0]) =>
  evaluate(aRuleInput(repo), defaults).findings.map((f) => f.title);

describe('timelines-are-reliable', () => {
  it.each([
    { case: 'one overdue milestone fires', repo: { overdue_milestones: 1 }, title: '1 open milestone past the due date' },
    { case: 'no overdue milestone does not fire', repo: { overdue_milestones: 0 }, title: null },
    { case: 'two open release blockers fire', repo: { open_release_blockers: 2 }, title: '2 open release blockers' },
    { case: 'no open release blocker does not fire', repo: { open_release_blockers: 0 }, title: null },
    {
      case: 'milestones closing a median 20 days late fire',
      repo: { milestone_slip_days: aDistribution(4, 20, 35) },
      title: 'Milestones closed a median of 20 days late, over the 14-day limit (n = 4)',
    },
    { case: 'a 10-day median slip does not fire', repo: { milestone_slip_days: aDistribution(4, 10) }, title: null },
    {
      case: '60 days since a release every 20 days fires',
      repo: { release_interval_days: { n: 5, p50: 20, last: 18 }, days_since_last_release: 60 },
      title: '60 days since the last release, against a median interval of 20 days',
    },
    {
      case: '25 days since a release every 20 days does not fire',
      repo: { release_interval_days: { n: 5, p50: 20, last: 18 }, days_since_last_release: 25 },
      title: null,
    },
    {
      case: '4 reverts among 40 merges fire',
      repo: { reverts_merged: 4, prs_merged: 40 },
      title: '4 reverts among 40 merged PRs (10%), over the 5% limit',
    },
    { case: '1 revert among 40 merges does not fire', repo: { reverts_merged: 1, prs_merged: 40 }, title: null },
  ])('$case', ({ repo, title }) => {
    expect(checksFired({ repo })).toEqual(title === null ? [] : [title]);
  });

  it.each([
    { check: 'milestone-slip', repo: { milestone_slip_days: aDistribution(2, 90) } },
    { check: 'release-cadence', repo: { release_interval_days: { n: 2, p50: 10, last: 10 }, days_since_last_release: 300 } },
    { check: 'revert-share', repo: { reverts_merged: 5, prs_merged: 10 } },
  ])('does not judge $check on a small sample', ({ check, repo }) => {
    const { findings, insufficientData } = evaluate(aRuleInput({ repo }), defaults);
    expect(findings).toEqual([]);
    expect(insufficientData).toContainEqual(expect.objectContaining({ check, area: null, rule: 'timelines-are-reliable' }));
  });

  it('cites the numbers and carries the talk’s advice', () => {
    const [finding] = evaluate(aRuleInput({ repo: { reverts_merged: 4, prs_merged: 40 }, previous: { reverts_merged: 1 } }), defaults).findings;
    expect(finding).toMatchObject({
      rule: 'timelines-are-reliable',
      fallacy: 1,
      area: null,
      severity: 'warning',
      evidence: { reverts_merged: 4, prs_merged: 40, revert_share: 0.1, limit: 0.05, previous_reverts_merged: 1 },
      advice: expect.stringMatching(/^Timelines are optimistic\. /),
    });
  });

  it('reports every check as insufficient data when the metrics are missing', () => {
    const { findings, insufficientData } = evaluate(aRuleInput(), defaults);
    expect(findings).toEqual([]);
    expect(insufficientData.map((d) => d.check)).toEqual(['overdue-milestones', 'release-blockers', 'milestone-slip', 'release-cadence', 'revert-share']);
  });
});
