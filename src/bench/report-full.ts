import { buildAreaModel } from '../areas/area-model.js';
import { createDefaultConfig } from '../config/config-schema.js';
import type { RepositoryActivity } from '../core/records.js';
import { buildReport, resolveReportWindow } from '../report/build-report.js';
import { loadReportActivity } from '../report/load-report-activity.js';
import { generateActivity } from './generate-activity.js';
import { storeActivity } from './store-activity.js';
import type { Store } from '../store/store.js';
import { openFreshStore } from './fresh-store.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';

const END = new Date('2026-11-22T00:00:00Z');
const RUNS = 3;

/**
 * The full report over a stored repository of 100,000 PRs and 1,000,000 events (issue 4's goal: under 2 s on SQLite,
 * under 500 MB): the median time to read the activity from the store and to build the report (every metric for the
 * repository and 20 areas, both windows, reviewers, rules), and the peak RSS, on SQLite and PostgreSQL.
 * `BENCH_PRS` / `BENCH_EVENTS` shrink it for a quick look; `BENCH_BACKENDS=sqlite` runs one backend.
 */
export const reportFullBenchmark: Benchmark = {
  name: 'report-full',
  run: async () => {
    const pullRequests = Number(process.env.BENCH_PRS ?? 100_000);
    const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
    const activity = generateActivity({ seed: 42, end: END, pullRequests, events });
    const paths = [...new Set(activity.pullRequestFiles.flatMap((files) => files.paths))].sort();
    const areaModel = buildAreaModel({ paths, files: new Map() });
    console.log(`activity: ${activity.pullRequests.length} PRs, ${activity.events.length} events, ${areaModel.areas.length} areas`);
    const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>;
    for (const backend of backends) {
      const { store, drop } = await openFreshStore(backend);
      try {
        const loadStarted = performance.now();
        await storeActivity(store, activity);
        const loadSeconds = (performance.now() - loadStarted) / 1000;
        const reads: number[] = [];
        const builds: number[] = [];
        let peakRss = 0;
        let findings = 0;
        for (let run = 0; run < RUNS; run += 1) {
          const started = performance.now();
          const stored = (await loadReportActivity(store, 1, activity.repository.repoId, resolveReportWindow(createDefaultConfig(), END)))!;
          const read = performance.now();
          const { report } = buildReport({ activity: stored, config: createDefaultConfig(), to: END, areaModel, paths, supplyChain: null });
          reads.push(read - started);
          builds.push(performance.now() - read);
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          findings = report.findings.length;
        }
        const total = reads.map((r, i) => r + builds[i]!);
        console.log(
          `${backend}: full report median ${Math.round(median(total))} ms (read ${Math.round(median(reads))} ms + ` +
            `build ${Math.round(median(builds))} ms), ${findings} findings, peak RSS ${Math.round(peakRss / 2 ** 20)} MB; ` +
            `storing the history took ${loadSeconds.toFixed(1)} s`,
        );
      } finally {
        await drop();
      }
    }
  },
};
