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
const PROCESSES = 5;
/** Reports each measuring process makes: the first is cold, the rest warm. */
const REPORTS_PER_PROCESS = 4;
const RUNNER = fileURLToPath(new URL('./report-full-run.js', import.meta.url));

/**
 * The full report over a stored repository of 100,000 PRs and 1,000,000 events (issue 4's goal: under 2 s on SQLite,
 * under 500 MB): the median time to read the report's activity from the store and to build the report (every metric
 * for the repository and 20 areas, both windows, reviewers, rules), and the peak RSS, on SQLite and PostgreSQL. The
 * history is generated and stored by this process; fresh processes measure the report (a cold first report, then
 * warm ones), so the peak RSS is the report's own. Warm is the median of every warm report of every process (a
 * long-running app's case); the second report of a process, which also pays for collecting the first one's garbage,
 * is shown apart. `BENCH_PRS` / `BENCH_EVENTS` shrink it for a quick look; `BENCH_BACKENDS=sqlite` runs one backend.
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
          // Each process's first report starts cold (a CLI run); the later ones are warm (the app's case).
          const processes: ReportFullFigures[] = [];
          for (let run = 0; run < PROCESSES; run += 1) {
            const { stdout } = await promisify(execFile)(
              process.execPath,
              [RUNNER, fresh.url, fresh.schema ?? '-', pathsFile, END.toISOString(), String(REPORTS_PER_PROCESS)],
              { maxBuffer: 1 << 20 },
            );
            processes.push(JSON.parse(stdout) as ReportFullFigures);
          }
          const reports = (which: (index: number) => boolean) =>
            processes.flatMap((figures) => figures.readMs.flatMap((readMs, i) => (which(i) ? [{ readMs, buildMs: figures.buildMs[i]! }] : [])));
          const figure = (which: (index: number) => boolean) => {
            const chosen = reports(which);
            const ms = (values: number[]) => Math.round(median(values));
            return { total: ms(chosen.map((r) => r.readMs + r.buildMs)), read: ms(chosen.map((r) => r.readMs)), build: ms(chosen.map((r) => r.buildMs)) };
          };
          const warm = figure((i) => i > 0);
          const second = figure((i) => i === 1);
          const cold = figure((i) => i === 0);
          const { read, findings } = processes[0]!;
          console.log(
            `${backend}: full report median warm ${warm.total} ms (read ${warm.read} ms + build ${warm.build} ms; ` +
              `${processes.length * (REPORTS_PER_PROCESS - 1)} reports), a process's second report ${second.total} ms (read ${second.read} + ` +
              `build ${second.build}), cold ${cold.total} ms (read ${cold.read} + build ${cold.build}); peak RSS of a process ` +
              `making one report ${Math.max(...processes.map((f) => f.firstReportPeakRssMb))} MB, ${REPORTS_PER_PROCESS} ` +
              `${Math.max(...processes.map((f) => f.peakRssMb))} MB; ${findings} findings; history ${stats}, read ` +
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
