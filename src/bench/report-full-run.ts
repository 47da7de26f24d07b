import { readFileSync } from 'node:fs';
import { buildAreaModel } from '../areas/area-model.js';
import { createDefaultConfig } from '../config/config-schema.js';
import { buildReport, resolveReportWindow } from '../report/build-report.js';
import { loadReportActivity, ownerLoginsOf } from '../report/load-report-activity.js';
import { openStore } from '../store/open-store.js';

/** What one measuring process reports back (one JSON line on stdout). */
export interface ReportFullFigures {
  readMs: number[];
  buildMs: number[];
  findings: number;
  /** Peak resident set size of the measuring process during its first report, and at the end, in MB. */
  firstReportPeakRssMb: number;
  peakRssMb: number;
  /** Records read for the report. */
  read: { pullRequests: number; issues: number; reviews: number; comments: number; events: number };
}

/**
 * The report-full benchmark's measuring process: `node dist/bench/report-full-run.js <store url> <schema|-> <paths
 * file> <to> <runs>`. Opens the store the parent filled, reads the report's activity and builds the report `runs`
 * times, and prints its figures, so the peak RSS is the report's alone (not the generator's).
 */
async function main(): Promise<void> {
  const [url, schema, pathsFile, to, runs] = process.argv.slice(2) as [string, string, string, string, string];
  const paths = JSON.parse(readFileSync(pathsFile, 'utf8')) as string[];
  const areaModel = buildAreaModel({ paths, files: new Map() });
  const store = await openStore(url, schema === '-' ? {} : { schema });
  const end = new Date(to);
  const config = createDefaultConfig();
  const figures: ReportFullFigures = {
    readMs: [],
    buildMs: [],
    findings: 0,
    firstReportPeakRssMb: 0,
    peakRssMb: 0,
    read: { pullRequests: 0, issues: 0, reviews: 0, comments: 0, events: 0 },
  };
  try {
    for (let run = 0; run < Number(runs); run += 1) {
      const started = performance.now();
      // As the app asks: about the area model's owners (this model's directory areas have none).
      const activity = (await loadReportActivity(store, 1, 1, resolveReportWindow(config, end), ownerLoginsOf(areaModel)))!;
      const read = performance.now();
      const { report } = buildReport({ activity, config, to: end, areaModel, paths, supplyChain: null });
      figures.readMs.push(read - started);
      figures.buildMs.push(performance.now() - read);
      figures.findings = report.findings.length;
      if (run === 0) figures.firstReportPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const { pullRequests, issues, reviews, comments, events } = activity;
      figures.read = { pullRequests: pullRequests.length, issues: issues.length, reviews: reviews.length, comments: comments.length, events: events.length };
    }
  } finally {
    await store.close();
  }
  figures.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
