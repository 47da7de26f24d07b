import { describe, expect, it } from 'vitest';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import { indexActivity } from '../../src/metrics/index-activity.js';
import { createWindow } from '../../src/metrics/metric-options.js';
import { scopeIndexToArea } from '../../src/metrics/scope-index-to-area.js';

const END = new Date('2026-11-22T00:00:00Z');

describe('metrics over a generated repository (the benchmark shape, small)', () => {
  const activity = generateActivity({ seed: 7, end: END, pullRequests: 3000, events: 30_000 });
  const index = indexActivity(activity);
  const window = createWindow(END);
  const repo = computeMetricSet(index, { window });

  it('is deterministic for a seed and fills the event budget', () => {
    const again = generateActivity({ seed: 7, end: END, pullRequests: 3000, events: 30_000 });
    expect(again.events.length).toBe(activity.events.length);
    expect(again.pullRequests[1234]).toEqual(activity.pullRequests[1234]);
    expect(activity.events.length).toBeGreaterThanOrEqual(30_000);
  });

  it('yields finite numbers, never NaN', () => {
    const numbers = JSON.stringify(repo).match(/-?[\d.]+(e-?\d+)?|NaN|Infinity/g) ?? [];
    expect(numbers.filter((value) => !Number.isFinite(Number(value)))).toEqual([]);
    expect(repo.prs_started).toBeGreaterThan(0);
    expect(repo.pr_time_to_merge_hours?.n).toBeGreaterThan(0);
  });

  it('splits additive counts exactly across areas that partition the PRs and issues', () => {
    const prsByArea = new Map<string, number[]>();
    for (const files of activity.pullRequestFiles) {
      const area = files.paths[0]!.split('/')[0]!;
      prsByArea.set(area, [...(prsByArea.get(area) ?? []), files.prNumber]);
    }
    let started = 0;
    let merged = 0;
    let unanswered = 0;
    let firstTimers = 0;
    for (const prNumbers of prsByArea.values()) {
      const area = computeMetricSet(scopeIndexToArea(index, { prNumbers, issueNumbers: [] }), { window });
      started += area.prs_started!;
      merged += area.prs_merged!;
      unanswered += area.unanswered_prs!;
      firstTimers += area.first_time_contributors!;
    }
    expect([started, merged, unanswered, firstTimers]).toEqual([
      repo.prs_started,
      repo.prs_merged,
      repo.unanswered_prs,
      repo.first_time_contributors,
    ]);
  });
});
