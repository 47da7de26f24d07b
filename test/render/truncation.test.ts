import { describe, expect, it } from 'vitest';
import { CHECK_RUN_TEXT_LIMIT, GITHUB_BODY_LIMIT, measureBytes } from '../../src/render/fit-body.js';
import { readHash } from '../../src/render/hidden-marker.js';
import { renderCheckRun } from '../../src/render/render-check-run.js';
import { readDigestMarker, renderDigest } from '../../src/render/render-digest.js';
import { renderPrComment } from '../../src/render/render-pr-comment.js';
import type { Report } from '../../src/report/types.js';
import { aFinding, anArea, realisticCheckRunView, realisticDigestView, realisticPrCommentView, realisticReport } from './fixtures.js';

/** A monorepo-sized report: 400 areas, 3,000 reviewers, 5,000 findings with long titles. */
function aHugeReport(): Report {
  const areas = Array.from({ length: 400 }, (_, i) => anArea({ area: `area-${i}`, owners: [`owner-${i}`], metrics: realisticReport.areas[0]!.metrics, previous: realisticReport.areas[0]!.previous }));
  const reviewers = Array.from({ length: 3000 }, (_, i) => ({ login: `reviewer-${i}`, open_review_requests: i % 17, reviews_90d: i % 101 }));
  const findings = Array.from({ length: 5000 }, (_, i) =>
    aFinding({ fallacy: (i % 8) + 1, area: `area-${i % 400}`, title: `Finding ${i}: ${'slow reviews '.repeat(10)}`, advice: `Advice ${i % 3}` }),
  );
  return { ...realisticReport, areas, reviewers, findings };
}

describe('bodies stay under GitHub limits with a huge report', () => {
  const report = aHugeReport();

  it('the digest drops the least important parts first and says what it cut', () => {
    const digest = renderDigest({ ...realisticDigestView, report });
    expect(measureBytes(digest.body)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(digest.body).toContain('> [!NOTE]\n> Shortened to fit GitHub\'s');
    expect(digest.body).toMatch(/Left out: the reviewer load table, 400 of 400 area tables, the trend chart, the repository table\./);
    expect(digest.body).toMatch(/Shortened: findings for fallacy 1 \((\d+) of 625 shown\), findings for fallacy 2 \(\1 of 625 shown\)/);
    expect(digest.body).toContain('#### 1. Timelines are reliable');
    expect(readDigestMarker(digest.body)).toEqual({ repository: 'acme/kube-widgets', weekOf: '2026-11-16' });
    expect(readHash(digest.body)).toBe(digest.hash);
  });

  it('the check run summary and text stay under the Checks API limit', () => {
    const areas = report.areas.slice(0, 300);
    const output = renderCheckRun({ ...realisticCheckRunView, areas, findings: report.findings });
    expect(measureBytes(output.summary)).toBeLessThanOrEqual(CHECK_RUN_TEXT_LIMIT);
    expect(measureBytes(output.text ?? '')).toBeLessThanOrEqual(CHECK_RUN_TEXT_LIMIT);
    expect(output.summary).toContain('Shortened to fit');
    expect(output.summary).toContain('### Configuration');
  });

  it('the PR comment shortens a long list of supply-chain risks and keeps its markers', () => {
    const risks = Array.from({ length: 3000 }, (_, i) =>
      aFinding({ fallacy: 5, title: `step ${i} ${'runs an unpinned action '.repeat(4)}`, location: { path: '.github/workflows/ci.yml', startLine: i + 1, endLine: i + 1 } }),
    );
    const comment = renderPrComment({ ...realisticPrCommentView, supplyChainRisks: risks })!;
    expect(measureBytes(comment.body)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(comment.body).toMatch(/the supply-chain risks \(\d+ of 3,000 shown\)/);
    expect(comment.body).toContain('### 👋 Welcome');
    expect(readHash(comment.body)).toBe(comment.hash);
  });

  it('a small report is not cut at all', () => {
    expect(renderDigest(realisticDigestView).body).not.toContain('Shortened to fit');
  });
});
