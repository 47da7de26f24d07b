import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openFreshStore } from './fresh-store.js';
import { generateActivity } from './generate-activity.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';
import type { ReportFullFigures } from './report-full-run.js';
import { storeActivity } from './store-activity.js';

const END = new Date('2026-11-22T00:00:00Z');
/** Measuring processes (medians are over them). */
const PROCESSES = 3;
const RUNNER = fileURLToPath(new URL('./report-full-run.js', import.meta.url));

/**
 * The full report over a stored repository of 100,000 PRs and 1,000,000 events (issue 4's goal: under 2 s on SQLite,
 * under 500 MB): the median time to read the report's activity from the store and to build the report (every metric
 * for the repository and 20 areas, both windows, reviewers, rules), and the peak RSS, on SQLite and PostgreSQL. The
 * history is generated and stored by this process; fresh processes measure the report (a cold first report, then a
 * warm one), so the peak RSS is the report's own. `BENCH_PRS` / `BENCH_EVENTS` shrink it for a quick look; `BENCH_BACKENDS=sqlite` runs one backend.
 */
export const reportFullBenchmark: Benchmark = {
  name: 'report-full',
  run: async () => {
    const pullRequests = Number(process.env.BENCH_PRS ?? 100_000);
    const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
    const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>;
    const dir = mkdtempSync(join(tmpdir(), 'fw-report-full-'));
    const pathsFile = join(dir, 'paths.json');
    try {
      for (const backend of backends) {
        const fresh = await openFreshStore(backend);
        try {
          let activity: ReturnType<typeof generateActivity> | null = generateActivity({ seed: 42, end: END, pullRequests, events });
          writeFileSync(pathsFile, JSON.stringify([...new Set(activity.pullRequestFiles.flatMap((files) => files.paths))].sort()));
          const stats = `${activity.pullRequests.length} PRs, ${activity.issues.length} issues, ${activity.events.length} events`;
          const loadStarted = performance.now();
          await storeActivity(fresh.store, activity);
          const loadSeconds = (performance.now() - loadStarted) / 1000;
          await fresh.settle();
          activity = null;
          // Each process reports twice: its first report starts cold (a CLI run), its second is warm (the app's case).
          const processes: ReportFullFigures[] = [];
          for (let run = 0; run < PROCESSES; run += 1) {
            const { stdout } = await promisify(execFile)(
              process.execPath,
              [RUNNER, fresh.url, fresh.schema ?? '-', pathsFile, END.toISOString(), '2'],
              { maxBuffer: 1 << 20 },
            );
            processes.push(JSON.parse(stdout) as ReportFullFigures);
          }
          const totals = (i: number) => processes.map((figures) => figures.readMs[i]! + figures.buildMs[i]!);
          const part = (i: number, key: 'readMs' | 'buildMs') => Math.round(median(processes.map((figures) => figures[key][i]!)));
          const { read, findings } = processes[0]!;
          console.log(
            `${backend}: full report median warm ${Math.round(median(totals(1)))} ms (read ${part(1, 'readMs')} ms + build ` +
              `${part(1, 'buildMs')} ms), cold ${Math.round(median(totals(0)))} ms (read ${part(0, 'readMs')} + build ` +
              `${part(0, 'buildMs')}); peak RSS of a process making one report ${Math.max(...processes.map((f) => f.firstReportPeakRssMb))} MB, ` +
              `two ${Math.max(...processes.map((f) => f.peakRssMb))} MB; ${findings} findings; history ${stats}, read ` +
              `${read.pullRequests} PRs, ${read.issues} issues, ${read.reviews} reviews, ${read.comments} comments, ${read.events} ` +
              `events; storing the history took ${loadSeconds.toFixed(1)} s (${PROCESSES} measuring processes)`,
          );
        } finally {
          await fresh.drop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
