import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RepositoryActivity } from '../core/records.js';
import { openFreshStore } from './fresh-store.js';
import { generateActivity } from './generate-activity.js';
import type { Benchmark } from './index.js';
import type { OrgReportFigures } from './org-report-run.js';
import { storeActivity } from './store-activity.js';

const END = new Date('2026-11-22T00:00:00Z');
const RUNNER = fileURLToPath(new URL('./org-report-run.js', import.meta.url));
export const BENCH_ORG = 'bench-org';

/**
 * The organisation report (issue 16's goal: 200 repositories, 300,000 PRs, 3,000,000 events under 30 s and 1 GB)
 * on SQLite and PostgreSQL: the org's repositories are generated with heavy-tailed sizes (the largest has about a
 * tenth of the PRs, as a core repository among many small ones does) and stored under one installation; a fresh
 * process then reads every repository's report activity and builds the org report for the first 50, 100 and 200
 * repositories (by name), printing the time to read, to build, and its peak RSS. `BENCH_ORG_REPOS`,
 * `BENCH_ORG_PRS` and `BENCH_ORG_EVENTS` shrink it; `BENCH_BACKENDS=sqlite` runs one backend.
 */
export const orgReportBenchmark: Benchmark = {
  name: 'org-report',
  run: async () => {
    const repositories = Number(process.env.BENCH_ORG_REPOS ?? 200);
    const pullRequests = Number(process.env.BENCH_ORG_PRS ?? 300_000);
    const events = Number(process.env.BENCH_ORG_EVENTS ?? 3_000_000);
    const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>;
    const sizes = heavyTailedSizes(repositories, pullRequests);
    const steps = [50, 100, 200].filter((count) => count < repositories).concat(repositories);
    for (const backend of backends) {
      const fresh = await openFreshStore(backend);
      try {
        const loadStarted = performance.now();
        for (const [index, size] of sizes.entries()) {
          const generated = generateActivity({
            seed: 1000 + index,
            end: END,
            pullRequests: size,
            events: Math.round((events * size) / pullRequests),
            areas: 8,
          });
          await storeActivity(fresh.store, asRepository(generated, index));
        }
        const loadSeconds = (performance.now() - loadStarted) / 1000;
        await fresh.settle();
        for (const count of steps) {
          const { stdout } = await promisify(execFile)(
            process.execPath,
            [RUNNER, fresh.url, fresh.schema ?? '-', BENCH_ORG, String(count), END.toISOString()],
            { maxBuffer: 1 << 20 },
          );
          const figures = JSON.parse(stdout) as OrgReportFigures;
          console.log(
            `${backend}: org report of ${count} repositories (${figures.read.pullRequests} PRs, ${figures.read.events} events read) ` +
              `${((figures.readMs + figures.buildMs) / 1000).toFixed(1)} s (read ${(figures.readMs / 1000).toFixed(1)} s + build ` +
              `${(figures.buildMs / 1000).toFixed(1)} s), peak RSS ${figures.peakRssMb} MB, ${figures.findings} findings`,
          );
        }
        console.log(`${backend}: storing ${repositories} repositories, ${pullRequests} PRs, ${events} events took ${loadSeconds.toFixed(0)} s`);
      } finally {
        await fresh.drop();
      }
    }
  },
};

/** `total` PRs over `count` repositories, repository i getting a share ∝ 1/(i+1)^0.8 (at least 20 each). */
function heavyTailedSizes(count: number, total: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1) ** 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.max(20, Math.round((total * weight) / sum)));
}

/** Generated activity as repository `index` of the benchmark organisation (its own id and name on every record). */
function asRepository(activity: RepositoryActivity, index: number): RepositoryActivity {
  const repoId = 10_000 + index;
  const own = <T extends { repoId: number }>(records: T[]) => records.map((record) => ({ ...record, repoId }));
  return {
    repository: { ...activity.repository, repoId, fullName: `${BENCH_ORG}/repo-${String(index).padStart(3, '0')}` },
    pullRequests: own(activity.pullRequests),
    issues: own(activity.issues),
    reviews: own(activity.reviews),
    comments: own(activity.comments),
    events: own(activity.events),
    milestones: own(activity.milestones),
    releases: own(activity.releases),
    contributors: own(activity.contributors),
    pullRequestFiles: own(activity.pullRequestFiles),
  };
}
