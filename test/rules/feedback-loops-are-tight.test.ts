import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/feedback-loops-are-tight/index.js';
import { metadata } from '../../src/rules/feedback-loops-are-tight/metadata.js';
import { aDistribution, anArea, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

describe('feedback-loops-are-tight', () => {
  it('defaults: 48 h first response, 72 h first review, 14 days to merge, 5 samples', () => {
    expect(defaults).toMatchObject({
      enabled: true,
      severity: 'warning',
      maxPrFirstResponseHours: 48,
      maxFirstReviewHours: 72,
      maxTimeToMergeHours: 336,
      minSamples: 5,
    });
  });

  it.each([
    { case: 'median first review over 3 days fires', p50: 96, n: 12, fires: true },
    { case: 'median first review at exactly 3 days does not fire', p50: 72, n: 12, fires: false },
    { case: 'median first review under 3 days does not fire', p50: 20, n: 12, fires: false },
    { case: 'a slow median over 4 PRs is insufficient data', p50: 500, n: 4, fires: false },
  ])('$case', ({ p50, n, fires }) => {
    const input = aRuleInput({ areas: [anArea('sig/storage', { pr_time_to_first_review_hours: aDistribution(n, p50) })] });
    const { findings } = evaluate(input, defaults);
    expect(findings.filter((f) => f.area === 'sig/storage')).toHaveLength(fires ? 1 : 0);
  });

  it('cites the numbers that triggered the finding, with the talk’s advice', () => {
    const input = aRuleInput({
      areas: [
        anArea(
          'sig/storage',
          { pr_time_to_first_review_hours: aDistribution(12, 96, 200) },
          { previous: { pr_time_to_first_review_hours: aDistribution(9, 30) } },
        ),
      ],
    });
    const [finding] = evaluate(input, defaults).findings;
    expect(finding).toEqual({
      rule: 'feedback-loops-are-tight',
      fallacy: 2,
      area: 'sig/storage',
      severity: 'warning',
      title: 'Median time to first review is 4 days in sig/storage, over the 3 days limit (n = 12)',
      evidence: {
        metric: 'pr_time_to_first_review_hours',
        n: 12,
        p50_hours: 96,
        p90_hours: 200,
        limit_hours: 72,
        previous_p50_hours: 30,
      },
      units: { metric: 'text', n: 'count', p50_hours: 'hours', p90_hours: 'hours', limit_hours: 'hours', previous_p50_hours: 'hours' },
      advice: expect.stringMatching(/^Prefer communicating asynchronously; decide lazily, in writing\. Spread/),
    });
  });

  it('reports insufficient data for a small sample and for a missing metric', () => {
    const input = aRuleInput({ repo: { pr_time_to_merge_hours: aDistribution(3, 900) } });
    const { findings, insufficientData } = evaluate(input, defaults);
    expect(findings).toEqual([]);
    expect(insufficientData).toContainEqual({
      rule: 'feedback-loops-are-tight',
      fallacy: 2,
      area: null,
      check: 'pr-merge',
      description: metadata.checks['pr-merge'],
      reason: 'only 3 of the 5 samples needed',
      evidence: { n: 3, minimum: 5 },
    });
    expect(insufficientData).toContainEqual(
      expect.objectContaining({ check: 'pr-first-review', reason: 'no data', evidence: { n: null, minimum: 5 } }),
    );
  });

  it('judges every latency with its own threshold', () => {
    const input = aRuleInput({
      repo: {
        pr_time_to_first_response_hours: aDistribution(10, 49),
        pr_time_to_first_review_hours: aDistribution(10, 71),
        pr_time_to_merge_hours: aDistribution(10, 337),
        review_request_turnaround_hours: aDistribution(10, 73),
        issue_time_to_first_response_hours: aDistribution(10, 72),
      },
    });
    const metrics = evaluate(input, defaults).findings.map((f) => f.evidence.metric);
    expect(metrics).toEqual([
      'pr_time_to_first_response_hours',
      'pr_time_to_merge_hours',
      'review_request_turnaround_hours',
    ]);
  });

  it('uses thresholds and severity from the options', () => {
    const input = aRuleInput({ repo: { pr_time_to_first_review_hours: aDistribution(2, 30) } });
    const options = configSchema.parse({ maxFirstReviewHours: 24, minSamples: 2, severity: 'error' });
    const [finding] = evaluate(input, options).findings;
    expect(finding).toMatchObject({ severity: 'error', evidence: { limit_hours: 24 } });
  });

  it('fires once for the repository on unanswered PRs over the limit, naming the areas that hold them', () => {
    const input = aRuleInput({
      repo: { unanswered_prs: 14, unanswered_issues: 20 },
      areas: [anArea('sig/node', { unanswered_prs: 3 }), anArea('sig/storage', { unanswered_prs: 11 }), anArea('sig/apps', { unanswered_prs: 0 })],
    });
    const { findings } = evaluate(input, defaults);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      area: null,
      title: '14 open PRs had no response within the SLA, over the limit of 10',
      evidence: { metric: 'unanswered_prs', count: 14, limit: 10, areas: ['sig/storage', 'sig/node'], area_counts: [11, 3] },
    });
  });

  it.each([
    { case: '6 PRs waiting a median 16 days on reviewers in an area fire', n: 6, p50: 384, fires: true },
    { case: 'a median wait of exactly 14 days does not fire', n: 6, p50: 336, fires: false },
    { case: '4 PRs waiting are too few to judge', n: 4, p50: 500, fires: false },
  ])('review wait: $case', ({ n, p50, fires }) => {
    const input = aRuleInput({
      areas: [anArea('sig/storage', { pr_review_wait_hours: aDistribution(n, p50), prs_waiting_on_reviewers: n, prs_waiting_on_author: 2 })],
    });
    const { findings, insufficientData } = evaluate(input, defaults);
    const waits = findings.filter((finding) => finding.evidence.metric === 'pr_review_wait_hours');
    expect(waits).toHaveLength(fires ? 1 : 0);
    if (fires) {
      expect(waits[0]).toMatchObject({
        area: 'sig/storage',
        title: '6 PRs in sig/storage wait on reviewers, a median of 16 days, over the 14 days limit; 2 wait on their authors',
        evidence: { prs_waiting_on_reviewers: 6, prs_waiting_on_author: 2, p50_hours: 384, limit_hours: 336 },
      });
    }
    if (n < 5) expect(insufficientData).toContainEqual(expect.objectContaining({ area: 'sig/storage', check: 'review-wait' }));
  });
});
