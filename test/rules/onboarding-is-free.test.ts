import { describe, expect, it } from 'vitest';
import { HISTORY_TOO_SHORT } from '../../src/rules/onboarding-is-free/evaluate.js';
import { configSchema, evaluate } from '../../src/rules/onboarding-is-free/index.js';
import { aDistribution, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

describe('onboarding-is-free', () => {
  it.each([
    { case: '2 of 12 returning (17%) fires', cohort: 12, returned: 2, fires: true },
    { case: '3 of 12 returning (25%) does not fire', cohort: 12, returned: 3, fires: false },
    { case: '0 of 9 returning is insufficient data', cohort: 9, returned: 0, fires: false },
  ])('returning rate: $case', ({ cohort, returned, fires }) => {
    const input = aRuleInput({ repo: { returning_contributor_rate_90d: { cohort, returned, rate: returned / cohort } } });
    const { findings, insufficientData } = evaluate(input, defaults);
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) {
      expect(findings[0]).toMatchObject({
        rule: 'onboarding-is-free',
        fallacy: 7,
        title: '2 of 12 first-time contributors came back within 90 days (17%), under 20%',
        evidence: { cohort: 12, returned: 2, limit: 0.2 },
        advice: expect.stringMatching(/^With large communities, spend efforts on growing existing folks\. /),
      });
    }
    if (cohort < 10) expect(insufficientData).toContainEqual(expect.objectContaining({ check: 'returning-rate', evidence: { n: 9, minimum: 10 } }));
  });

  it.each([
    { case: 'newcomers waiting 40 h against 10 h fire', newcomer: 40, all: 10, fires: true },
    { case: 'newcomers waiting 14 h against 10 h do not fire', newcomer: 14, all: 10, fires: false },
    { case: 'a 0 h overall median is compared as 1 h', newcomer: 2, all: 0, fires: true },
  ])('newcomer response: $case', ({ newcomer, all, fires }) => {
    const input = aRuleInput({
      repo: { newcomer_pr_time_to_first_response_hours: aDistribution(6, newcomer), pr_time_to_first_response_hours: aDistribution(50, all) },
    });
    expect(evaluate(input, defaults).findings).toHaveLength(fires ? 1 : 0);
  });

  it('notes "history too short" instead of judging when the newcomer figures are null', () => {
    const input = aRuleInput({
      repo: {
        returning_contributor_rate_90d: null,
        newcomer_pr_time_to_first_response_hours: null,
        pr_time_to_first_response_hours: aDistribution(50, 10),
        first_time_contributors: null,
        abandoned_first_prs: null,
        prs_closed_by_bot_unanswered: 0,
        issues_closed_by_bot_unanswered: 0,
      },
    });
    const { findings, insufficientData } = evaluate(input, defaults);
    expect(findings).toEqual([]);
    expect(insufficientData.filter((note) => note.area === null).map((note) => [note.check, note.reason])).toEqual([
      ['returning-rate', HISTORY_TOO_SHORT],
      ['newcomer-response', HISTORY_TOO_SHORT],
      ['abandoned-first-prs', HISTORY_TOO_SHORT],
    ]);
  });

  it('cites both medians and their ratio', () => {
    const input = aRuleInput({
      repo: { newcomer_pr_time_to_first_response_hours: aDistribution(6, 40), pr_time_to_first_response_hours: aDistribution(50, 10) },
    });
    expect(evaluate(input, defaults).findings[0]).toMatchObject({
      title: 'First PRs wait 4 times as long for a first response (40 h against 10 h)',
      evidence: { newcomer_p50_hours: 40, newcomer_n: 6, all_p50_hours: 10, all_n: 50, ratio: 4, limit: 1.5 },
    });
  });

  it.each([
    { case: '3 abandoned of 8 first-timers fires', abandoned: 3, firstTimers: 8, fires: true },
    { case: '2 abandoned of 8 first-timers does not fire', abandoned: 2, firstTimers: 8, fires: false },
    { case: '4 abandoned of 4 first-timers is insufficient data', abandoned: 4, firstTimers: 4, fires: false },
  ])('abandoned first PRs: $case', ({ abandoned, firstTimers, fires }) => {
    const input = aRuleInput({ repo: { abandoned_first_prs: abandoned, first_time_contributors: firstTimers } });
    expect(evaluate(input, defaults).findings).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    {
      case: 'first PRs among them lead the title',
      repo: { prs_closed_by_bot_unanswered: 5, first_prs_closed_by_bot_unanswered: 3, issues_closed_by_bot_unanswered: 2 },
      title: '3 first PRs were closed by a bot before anyone answered (5 PRs and 2 issues in all)',
    },
    {
      case: 'one first PR',
      repo: { prs_closed_by_bot_unanswered: 1, first_prs_closed_by_bot_unanswered: 1, issues_closed_by_bot_unanswered: 0 },
      title: '1 first PR was closed by a bot before anyone answered (1 PR and 0 issues in all)',
    },
    {
      case: 'no first PR among them',
      repo: { prs_closed_by_bot_unanswered: 0, first_prs_closed_by_bot_unanswered: 0, issues_closed_by_bot_unanswered: 4 },
      title: '0 PRs and 4 issues were closed by a bot before anyone answered',
    },
    { case: 'nothing closed by a bot does not fire', repo: { prs_closed_by_bot_unanswered: 0, first_prs_closed_by_bot_unanswered: 0, issues_closed_by_bot_unanswered: 0 }, title: null },
  ])('closed by a bot: $case', ({ repo, title }) => {
    const findings = evaluate(aRuleInput({ repo }), defaults).findings.filter((f) => f.evidence.prs_closed_by_bot_unanswered !== undefined);
    if (title === null) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ area: null, title, advice: expect.stringContaining('Exempt items nobody has answered yet from the stale lifecycle') });
  });

  it('closed by a bot: unknown counts are insufficient data', () => {
    const { findings, insufficientData } = evaluate(aRuleInput({ repo: { prs_closed_by_bot_unanswered: null, issues_closed_by_bot_unanswered: 3 } }), defaults);
    expect(findings.filter((f) => f.evidence.issues_closed_by_bot_unanswered !== undefined)).toEqual([]);
    expect(insufficientData).toContainEqual(expect.objectContaining({ check: 'closed-by-bot' }));
  });
});
