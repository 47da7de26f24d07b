import { describe, expect, it } from 'vitest';
import { configSchema, evaluate } from '../../src/rules/maintainer-bandwidth-is-infinite/index.js';
import { anArea, aRuleInput } from './builders.js';

const defaults = configSchema.parse({});

describe('maintainer-bandwidth-is-infinite', () => {
  it.each([
    { case: 'one reviewer holding 70% of 4 reviewers’ reviews fires', share: 0.7, active: 4, merged: 12, fires: true },
    { case: 'one reviewer holding 50% does not fire', share: 0.5, active: 4, merged: 12, fires: false },
    { case: 'a single reviewer is left to the staffing rule', share: 1, active: 1, merged: 12, fires: false },
    { case: 'concentration over 3 merged PRs is insufficient data', share: 0.9, active: 3, merged: 3, fires: false },
  ])('$case', ({ share, active, merged, fires }) => {
    const input = aRuleInput({
      areas: [anArea('sig/storage', { top_reviewer_share: share, active_reviewers: active, prs_merged: merged, reviewer_absence_factor: 1 })],
    });
    const findings = evaluate(input, defaults).findings.filter((f) => f.area === 'sig/storage');
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) {
      expect(findings[0]).toMatchObject({
        title: 'One reviewer holds 70% of the reviews in sig/storage (90 days), over the 50% limit',
        evidence: { top_reviewer_share: 0.7, active_reviewers: 4, limit: 0.5 },
        advice: expect.stringMatching(/^Be extra empathetic and help maintainers help you\. /),
      });
    }
  });

  it('records why concentration was not judged', () => {
    const input = aRuleInput({ areas: [anArea('sig/docs', { top_reviewer_share: 0.9, active_reviewers: 3, prs_merged: 2 })] });
    expect(evaluate(input, defaults).insufficientData).toContainEqual(
      expect.objectContaining({ area: 'sig/docs', check: 'review-concentration', evidence: { n: 2, minimum: 5 } }),
    );
  });

  it.each([
    { case: 'a workload of 14 fires, marked sustained when the previous window was over too', now: 14, before: 12, fires: true, sustained: true },
    { case: 'a workload of 14 after a calm window fires, not sustained', now: 14, before: 3, fires: true, sustained: false },
    { case: 'a workload of 10 does not fire', now: 10, before: 20, fires: false, sustained: false },
  ])('$case', ({ now, before, fires, sustained }) => {
    const input = aRuleInput({ repo: { workload_per_active_reviewer: now, active_reviewers: 3 }, previous: { workload_per_active_reviewer: before } });
    const findings = evaluate(input, defaults).findings;
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0]?.evidence).toMatchObject({ workload_per_active_reviewer: now, sustained });
  });

  it('names reviewers over the pending-request limit in the evidence, never in the title', () => {
    const input = aRuleInput({
      reviewers: [
        { login: 'alice', open_review_requests: 12, reviews_90d: 40 },
        { login: 'bob', open_review_requests: 3, reviews_90d: 10 },
        { login: 'carol', open_review_requests: 25, reviews_90d: 5 },
      ],
    });
    const [finding] = evaluate(input, defaults).findings;
    expect(finding).toMatchObject({
      area: null,
      title: '2 reviewers with more than 10 pending review requests each',
      evidence: { reviewers: ['carol', 'alice'], open_review_requests: [25, 12], limit: 10 },
    });
    expect(finding?.title).not.toMatch(/alice|carol|@/);
  });
});
