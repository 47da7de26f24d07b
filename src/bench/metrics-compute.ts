import { computeMetricSet } from '../metrics/compute-metric-set.js';
import { computeReviewerLoads } from '../metrics/compute-reviewer-loads.js';
import { indexActivity } from '../metrics/index-activity.js';
import { createWindow, previousWindowOf } from '../metrics/metric-options.js';
import { scopeIndexToArea } from '../metrics/scope-index-to-area.js';
import { generateActivity } from './generate-activity.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';

const RUNS = 5;
const END = new Date('2026-11-22T00:00:00Z');

/**
 * Milliseconds `work` takes over `RUNS` runs: median wall time, and median CPU time of this process (user + system),
 * which a machine shared with other jobs inflates less.
 */
function time(work: () => void): { median: number; cpu: number; runs: number[] } {
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpuStarted);
    runs.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(runs), cpu: median(cpu), runs };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const figures = (timing: { median: number; cpu: number }) => `median ${ms(timing.median)} wall, ${ms(timing.cpu)} CPU`;

/**
 * The metrics engine over a generated repository of 100,000 PRs and 1,000,000 events: the median time to index the
 * activity, to compute the repository's metric set (current and previous window) and reviewer loads, and to compute
 * 20 areas' sets (scope + current + previous), plus the heap the index holds.
 */
export const metricsComputeBenchmark: Benchmark = {
  name: 'metrics-compute',
  run: async () => {
    const activity = generateActivity({ seed: 42, end: END, pullRequests: 100_000, events: 1_000_000 });
    console.log(
      `activity: ${activity.pullRequests.length} PRs, ${activity.events.length} events, ${activity.issues.length} issues, ` +
        `${activity.reviews.length} reviews, ${activity.comments.length} comments`,
    );
    const window = createWindow(END);
    const previous = previousWindowOf(window);
    const areaOf = new Map<string, number[]>();
    for (const files of activity.pullRequestFiles) {
      const area = files.paths[0]!.split('/')[0]!;
      areaOf.set(area, [...(areaOf.get(area) ?? []), files.prNumber]);
    }
    const issuesOf = new Map<string, number[]>();
    for (const issue of activity.issues) {
      const area = issue.labels.find((label) => label.startsWith('area/'))?.slice(5);
      if (area !== undefined) issuesOf.set(area, [...(issuesOf.get(area) ?? []), issue.number]);
    }

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let index = indexActivity(activity);
    global.gc?.();
    const heapIndex = process.memoryUsage().heapUsed - heapBefore;
    const indexing = time(() => {
      index = indexActivity(activity);
    });
    const repo = time(() => {
      computeMetricSet(index, { window });
      computeMetricSet(index, { window: previous });
      computeReviewerLoads(index, { window });
    });
    const areas = time(() => {
      for (const [area, prNumbers] of areaOf) {
        const scoped = scopeIndexToArea(index, { prNumbers, issueNumbers: issuesOf.get(area) ?? [] });
        computeMetricSet(scoped, { window });
        computeMetricSet(scoped, { window: previous });
      }
    });
    const full = time(() => {
      const fresh = indexActivity(activity);
      computeMetricSet(fresh, { window });
      computeMetricSet(fresh, { window: previous });
      computeReviewerLoads(fresh, { window });
      for (const [area, prNumbers] of areaOf) {
        const scoped = scopeIndexToArea(fresh, { prNumbers, issueNumbers: issuesOf.get(area) ?? [] });
        computeMetricSet(scoped, { window });
        computeMetricSet(scoped, { window: previous });
      }
    });
    console.log(`index: ${figures(indexing)} (wall runs: ${indexing.runs.map(ms).join(', ')}), index holds ${global.gc ? `${Math.round(heapIndex / 2 ** 20)} MB heap` : 'heap: run with --expose-gc'}`);
    console.log(`repository set (current + previous + reviewer loads): ${figures(repo)}`);
    console.log(`${areaOf.size} areas (scope + current + previous): ${figures(areas)}`);
    console.log(`full compute (index + repository + ${areaOf.size} areas): ${figures(full)}`);
    console.log(`peak RSS: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB (includes the generated activity)`);
  },
};
