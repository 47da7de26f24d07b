import { performance } from 'node:perf_hooks';
import type { MetricSet } from '../metrics/types.js';
import { EMPTY_METRIC_SET } from '../render/empty-metric-set.js';
import { measureBytes } from '../render/fit-body.js';
import { renderCheckRun } from '../render/render-check-run.js';
import { renderDigest } from '../render/render-digest.js';
import type { Report } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import type { Benchmark } from './index.js';

const RUNS = 7;

const metrics: MetricSet = {
  ...EMPTY_METRIC_SET,
  pr_time_to_first_response_hours: { n: 40, p50: 9.5, p90: 52 },
  pr_time_to_first_review_hours: { n: 38, p50: 20, p90: 96 },
  pr_time_to_merge_hours: { n: 30, p50: 70, p90: 310 },
  unanswered_prs: 6,
  prs_started: 64,
  prs_merged: 44,
  open_review_requests: 23,
  active_reviewers: 9,
  workload_per_active_reviewer: 2.1,
  top_reviewer_share: 0.34,
};

/** A report of the given size: areas, reviewers and findings with realistic text (every title needs escaping). */
function generateReport(areaCount: number, reviewerCount: number, findingCount: number): Report {
  const findings: Finding[] = Array.from({ length: findingCount }, (_, i) => ({
    rule: 'feedback-loops-are-tight',
    fallacy: (i % 8) + 1,
    area: `area-${i % areaCount}`,
    severity: i % 5 === 0 ? 'error' : 'warning',
    title: `PRs in area-${i % areaCount} wait 4.2 days for review (see #${i}, @owner-${i})`,
    evidence: { pr_time_to_first_review_p50_hours: 101, threshold_hours: 72, n: 14 },
    units: { pr_time_to_first_review_p50_hours: 'hours', threshold_hours: 'hours', n: 'count' },
    advice: 'Prefer communicating asynchronously: agree on a review rotation in writing.',
  }));
  return {
    schema: 'fallacy-watch/report@1',
    repository: 'acme/monorepo',
    generated_at: '2026-11-22T00:00:00Z',
    window: { from: '2026-10-25T00:00:00Z', to: '2026-11-22T00:00:00Z', previous_from: '2026-09-27T00:00:00Z' },
    repo: { metrics, previous: metrics },
    areas: Array.from({ length: areaCount }, (_, i) => ({ area: `area-${i}`, source: 'owners', owners: [`owner-${i}`], metrics, previous: metrics })),
    reviewers: Array.from({ length: reviewerCount }, (_, i) => ({ login: `owner-${i}`, open_review_requests: i % 17, reviews_90d: i % 101 })),
    unowned_paths: null,
    findings,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function time(render: () => string): { ms: number; bytes: number } {
  const samples: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    bytes = measureBytes(render());
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), bytes };
}

/** Rendering cost of a typical and of a monorepo-sized (fit-to-limit) digest and check run: median of 7 runs. */
export const renderBenchmark: Benchmark = {
  name: 'render',
  run: async () => {
    const trend = Array.from({ length: 8 }, (_, i) => ({ weekOf: `2026-10-${String(i + 10).padStart(2, '0')}`, p50: 10 + i }));
    for (const [label, report] of [
      ['typical (12 areas, 40 reviewers, 30 findings)', generateReport(12, 40, 30)],
      ['huge (400 areas, 3,000 reviewers, 5,000 findings)', generateReport(400, 3000, 5000)],
    ] as const) {
      const digest = time(() => renderDigest({ report, weekOf: '2026-11-16', trend, previousDigest: null }).body);
      const checkRun = time(
        () =>
          renderCheckRun({
            repository: report.repository,
            pullRequest: { number: 1, author: 'someone' },
            repo: report.repo.metrics,
            areas: report.areas.slice(0, 3),
            findings: report.findings,
            notJudged: report.not_judged ?? [],
            own: { firstContribution: true, contestedReview: null },
            digestsUrl: 'https://github.com/acme/app/issues?q=label%3Acommunity-health',
            suggestedReviewers: [],
            failOn: [],
            configProblems: [],
          }).summary,
      );
      console.log(
        `${label}: digest median ${digest.ms.toFixed(1)} ms (${digest.bytes.toLocaleString('en-US')} bytes); ` +
          `check-run summary median ${checkRun.ms.toFixed(1)} ms (${checkRun.bytes.toLocaleString('en-US')} bytes)`,
      );
    }
  },
};
