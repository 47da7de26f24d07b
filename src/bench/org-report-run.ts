import { createDefaultConfig } from '../config/config-schema.js';
import { resolveReportWindow } from '../report/build-report.js';
import { buildOrgReport } from '../report/org/build-org-report.js';
import { loadOrgActivities } from '../report/org/load-org-activities.js';
import { openStore } from '../store/open-store.js';

/** What one measuring process reports back (one JSON line on stdout). */
export interface OrgReportFigures {
  readMs: number;
  buildMs: number;
  findings: number;
  peakRssMb: number;
  read: { pullRequests: number; events: number };
}

/**
 * The org-report benchmark's measuring process: `node dist/bench/org-report-run.js <store url> <schema|-> <org>
 * <repositories> <to>`. Reads the report activity of the organisation's first `repositories` repositories (by name)
 * and builds the org report once, as `report --org` does, and prints its figures.
 */
async function main(): Promise<void> {
  const [url, schema, organization, count, to] = process.argv.slice(2) as [string, string, string, string, string];
  const store = await openStore(url, schema === '-' ? {} : { schema });
  const end = new Date(to);
  const config = createDefaultConfig();
  try {
    const started = performance.now();
    const repositories = (await store.findRepositoriesOfOwner(organization)).slice(0, Number(count));
    const activities = await loadOrgActivities(store, repositories, resolveReportWindow(config, end));
    const read = performance.now();
    const { report } = buildOrgReport({
      organization,
      repositories: activities.map((activity) => ({ activity, areaModel: null, paths: null, supplyChain: null })),
      config,
      to: end,
    });
    const figures: OrgReportFigures = {
      readMs: read - started,
      buildMs: performance.now() - read,
      findings: report.findings.length,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      read: {
        pullRequests: activities.reduce((sum, activity) => sum + activity.pullRequests.length, 0),
        events: activities.reduce((sum, activity) => sum + activity.events.length, 0),
      },
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await store.close();
  }
}

await main();
