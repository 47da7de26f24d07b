import type { Context } from 'probot';
import { publishPullRequestCheck } from '../application/publish-pull-request-check.js';
import { buildAreaModel } from '../areas/area-model.js';
import { createDefaultConfig } from '../config/config-schema.js';
import { createKeyLock } from '../handlers/create-key-lock.js';
import type { AreaContextCache } from '../areas/area-context-cache.js';
import { buildPullRequestViews, type PullRequestSubject } from '../publish/build-pull-request-views.js';
import { renderCheckRun, renderPrComment } from '../render/index.js';
import { buildReport, resolveReportWindow } from '../report/build-report.js';
import { loadReportActivity, ownerLoginsOf } from '../report/load-report-activity.js';
import type { FeedbackLoopsOptions } from '../rules/feedback-loops-are-tight/index.js';
import type { BandwidthOptions } from '../rules/maintainer-bandwidth-is-infinite/index.js';
import { createFakeCheckRunGitHub } from './fake-check-run-github.js';
import { openFreshStore } from './fresh-store.js';
import { generateActivity } from './generate-activity.js';
import { emptyBatch } from '../ingest/record-batch.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';
import { storeActivity } from './store-activity.js';

const END = new Date('2026-11-22T00:00:00Z');
/** Pull requests measured (each a different one), after one warm-up. */
const PULL_REQUESTS = 12;
const TARGET = { installationId: 1, repoId: 1, owner: 'bench', repo: 'generated', fullName: 'bench/generated', defaultBranch: 'main' };

/**
 * "Publish the check run of one pull request" on the report-full store (100,000 PRs, 1,000,000 events, 20 areas with
 * two CODEOWNERS owners each): `publishPullRequestCheck` end to end — config (none: defaults), areas (the app's
 * in-memory area cache, warm), the PR's files saved to the store, the narrow store read, the computation, rendering,
 * and the check run and comment upserts — with GitHub answered by an in-memory REST API behind a real Octokit
 * (`fetch` injected: Octokit's whole request pipeline runs, no network). Median over different open PRs, on SQLite
 * and PostgreSQL, each after a write to the PR (a busy repository: the store changes between check runs, and the SQLite
 * store's `ActivityMirror` must read what changed), against the path it replaces (the whole report's read, `buildReport`, `buildPullRequestViews`,
 * rendering; no GitHub), whose rendered check run must be the one published. `BENCH_PRS` / `BENCH_EVENTS` shrink
 * the history, `BENCH_BACKENDS=sqlite` runs one backend.
 */
export const prCheckBenchmark: Benchmark = {
  name: 'pr-check',
  run: async () => {
    const pullRequests = Number(process.env.BENCH_PRS ?? 100_000);
    const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
    const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>;
    for (const backend of backends) {
      const fresh = await openFreshStore(backend);
      try {
        let activity: ReturnType<typeof generateActivity> | null = generateActivity({ seed: 42, end: END, pullRequests, events });
        const paths = [...new Set(activity.pullRequestFiles.flatMap((files) => files.paths))].sort();
        const areas = [...new Set(paths.map((path) => path.split('/')[0]!))].sort();
        const codeowners = areas.map((area, i) => `/${area}/ @reviewer-${(2 * i) % 150} @reviewer-${(2 * i + 1) % 150}`).join('\n');
        const files = new Map([['.github/CODEOWNERS', codeowners]]);
        const areaModel = buildAreaModel({ paths, files });
        const filesOf = new Map(activity.pullRequestFiles.map((entry) => [entry.prNumber, entry.paths]));
        const open = activity.pullRequests.filter((pr) => pr.state === 'open' && !pr.draft);
        const step = Math.max(1, Math.floor(open.length / (PULL_REQUESTS + 1)));
        const picked = Array.from({ length: PULL_REQUESTS + 1 }, (_, i) => open[Math.min(open.length - 1, i * step)]!);
        const subjects: PullRequestSubject[] = picked.map((pr) => ({
          number: pr.number,
          headSha: pr.headSha,
          author: pr.author,
          authorAssociation: pr.authorAssociation,
          requestedReviewers: [],
        }));
        await storeActivity(fresh.store, activity);
        await fresh.settle();
        activity = null;

        const github = createFakeCheckRunGitHub((number) => filesOf.get(number) ?? []);
        // As the app's cache does, the same sources each time.
        const sources = { sha: 'head', paths, truncated: false, files, config: null };
        const areaCache: AreaContextCache = {
          load: async () => sources,
          drop: async () => {},
          clear: () => {},
          has: () => true,
        };
        const deps = { store: fresh.store, now: () => END, areas: areaCache, lock: createKeyLock() };
        const configSource = { config: async () => null } as unknown as Pick<Context, 'config'>;
        const log = { warn: () => {}, info: () => {}, debug: () => {} };
        const config = createDefaultConfig();
        const narrow: number[] = [];
        const whole: number[] = [];
        let mismatches = 0;
        const touched: string[] = [];
        let first = 0;
        for (const [i, pullRequest] of subjects.entries()) {
          // What a busy repository does between two check runs: the delivery behind this one stored a new comment on the
          // PR (and its new `updated_at`), so nothing read for an earlier check run can be taken as it was.
          const at = new Date(END.getTime() - (PULL_REQUESTS + 1 - i) * 60_000).toISOString();
          await fresh.store.applyBatch({
            ...emptyBatch(1),
            pullRequests: [{ ...picked[i]!, updatedAt: at }],
            comments: [
              { repoId: 1, id: 900_000_000 + i, kind: 'issue', itemNumber: pullRequest.number, onPullRequest: true, author: `visitor-${i}`, authorType: 'User', createdAt: at, updatedAt: at, deleted: false, commands: [] },
            ],
          });
          const started = performance.now();
          await publishPullRequestCheck(deps, { octokit: github.octokit, configSource, target: TARGET, pullRequest, log });
          const published = performance.now() - started;

          const wholeStarted = performance.now();
          const stored = (await loadReportActivity(fresh.store, 1, 1, resolveReportWindow(config, END), ownerLoginsOf(areaModel)))!;
          const { report } = buildReport({ activity: stored, config, to: END, areaModel, paths, supplyChain: null });
          const views = buildPullRequestViews({
            report,
            activity: stored,
            pullRequest,
            changedFiles: filesOf.get(pullRequest.number) ?? [],
            areaModel,
            prFindings: [],
            failOn: config.failOn,
            ignoreUsers: config.ignoreUsers,
            configProblems: [],
            maxOpenReviewRequests: (config.rules['maintainer-bandwidth-is-infinite'] as BandwidthOptions | undefined)?.maxOpenReviewRequests,
            minSamples: (config.rules['feedback-loops-are-tight'] as FeedbackLoopsOptions | undefined)?.minSamples,
          });
          const output = renderCheckRun(views.checkRun);
          renderPrComment(views.comment);
          const wholeMs = performance.now() - wholeStarted;
          const sent = await github.octokit.rest.checks.listForRef({ owner: TARGET.owner, repo: TARGET.repo, ref: pullRequest.headSha });
          if (sent.data.check_runs[0]?.output.summary !== output.summary) mismatches += 1;
          if (i === 0) {
            first = published;
            continue; // warm-up
          }
          narrow.push(published);
          whole.push(wholeMs);
          touched.push(views.touchedAreas.join('+') || '(none)');
        }
        const narrowMedian = median(narrow);
        const wholeMedian = median(whole);
        console.log(
          `${backend}: publish one PR's check run, median ${Math.round(narrowMedian)} ms end to end over ${narrow.length} PRs, each after ` +
            `a write to it (the first in this process, reading what later ones find in memory on SQLite: ${Math.round(first)} ms) ` +
            `(min ${Math.round(Math.min(...narrow))}, max ${Math.round(Math.max(...narrow))}); the whole-report path ` +
            `(read + buildReport + views + render, no GitHub) median ${Math.round(wholeMedian)} ms: ${(wholeMedian / narrowMedian).toFixed(1)}× ` +
            `slower; check runs differing from the whole path's: ${mismatches}; areas touched: ${touched.join(', ')}; ` +
            `${github.requests()} GitHub requests answered in memory`,
        );
      } finally {
        await fresh.drop();
      }
    }
  },
};
