import { graphql } from '@octokit/graphql';
import { backfillRepository } from '../backfill/backfill-repository.js';
import { systemClock } from '../backfill/backfill-clock.js';
import { createRateLimitGovernor } from '../backfill/rate-limit-governor.js';
import { buildGitHubModel } from '../backfill/simulator/build-github-model.js';
import { createGraphQLSimulator, type GraphQLSimulator, type SimulatedQuery } from '../backfill/simulator/create-graphql-simulator.js';
import type { GitHubModel } from '../backfill/simulator/github-model.js';
import { createSimulatorFetch } from '../backfill/simulator/simulator-fetch.js';
import { generateDeliveries } from '../sample/generate-deliveries.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { changePullRequests, countRestRequests, makeBusy, type PullRequestChanges } from './backfill-scenarios.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';

const PULL_REQUESTS = 1000;
const RUNS = 3;
const BUDGET_PER_HOUR = 5000;
const RESERVE = 0.2;
const USABLE_PER_HOUR = BUDGET_PER_HOUR * (1 - RESERVE);
const PR_OPERATIONS = new Set(['BackfillPullRequests', 'BackfillFollowUps']);
const FIRST_RUN = '2027-01-01T00:00:00Z';
const CHANGES: PullRequestChanges = { pushed: 100, commented: 100, labeled: 100 };

/**
 * Backfill cost: 1,000 generated PRs (and their issues, milestone and release) backfilled through the real GraphQL
 * client against the local simulator, which charges GitHub's formula. Counts the points, queries and connection
 * requests the PR queries actually cost, against the REST route's requests for the same PRs (list 100 a page, then
 * per PR its reviews, comments and files, 100 a page), and projects a 100,000-PR repository against a 5,000-point
 * hour and the 4,000 usable above the governor's 20% reserve. Three scenarios: the generated repository (small
 * timelines); a busy one where a fifth of the PRs have 60–200 more timeline items and a tenth change 80–400 files,
 * so follow-up pages are paid for; and an incremental sync of the generated one after 300 PRs changed (100 with new
 * commits, 100 with a comment, 100 with a label), against the fixed cost of a sync with nothing changed.
 */
export const backfillCostBenchmark: Benchmark = {
  name: 'backfill-cost',
  run: async () => {
    for (const [label, busy] of [['typical', false], ['busy', true]] as const) {
      const seconds: number[] = [];
      let line = '';
      for (let run = 0; run < RUNS; run += 1) {
        const model = sampleModel();
        if (busy) makeBusy(model);
        const simulator = createGraphQLSimulator(model, { clock: systemClock, limit: 1_000_000 });
        const started = performance.now();
        await withStore((store) => backfill(store, simulator, FIRST_RUN));
        seconds.push((performance.now() - started) / 1000);
        line = describeFirstRun(label, simulator.log, countRestRequests(model.pullRequests));
      }
      console.log(`${line}; median wall time ${median(seconds).toFixed(2)} s (runs: ${seconds.map((s) => s.toFixed(2)).join(', ')})`);
    }
    console.log(await measureIncrementalSync());
  },
};

function sampleModel(): GitHubModel {
  return buildGitHubModel(generateDeliveries({ pullRequests: PULL_REQUESTS, seed: 17, installationId: 0 }));
}

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore('sqlite::memory:');
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Runs one backfill through the real client; returns the queries it sent. */
async function backfill(store: Store, simulator: GraphQLSimulator, now: string): Promise<SimulatedQuery[]> {
  const client = graphql.defaults({ headers: { authorization: 'token bench' }, request: { fetch: createSimulatorFetch(simulator) } });
  const before = simulator.log.length;
  await backfillRepository({
    store,
    graphql: (query, variables) => client(query, variables),
    governor: createRateLimitGovernor({ clock: systemClock }),
    installationId: 0,
    repository: simulator.model.repository.nameWithOwner,
    backfillDays: 3650,
    now: new Date(now),
  });
  return simulator.log.slice(before);
}

const sum = (queries: readonly SimulatedQuery[], pick: (q: SimulatedQuery) => number) => queries.reduce((total, q) => total + pick(q), 0);

function describeFirstRun(label: string, log: readonly SimulatedQuery[], rest: number): string {
  const prQueries = log.filter((q) => PR_OPERATIONS.has(q.operationName));
  const points = sum(prQueries, (q) => q.cost);
  const followUps = prQueries.filter((q) => q.operationName === 'BackfillFollowUps');
  const projected = (points / PULL_REQUESTS) * 100_000;
  return (
    `${label}: per ${PULL_REQUESTS} PRs GraphQL ${points} points (${points - sum(followUps, (q) => q.cost)} for pages, ` +
    `${sum(followUps, (q) => q.cost)} for follow-ups) in ${prQueries.length} queries (${followUps.length} follow-up), ` +
    `${sum(prQueries, (q) => q.requests)} connection requests by GitHub's formula, vs REST ${rest} requests = ` +
    `${(rest / points).toFixed(1)}x fewer points; whole repository ${sum(log, (q) => q.cost)} points; ` +
    `100,000 PRs ≈ ${Math.round(projected)} points = ${(projected / USABLE_PER_HOUR).toFixed(2)} h at ${USABLE_PER_HOUR} usable ` +
    `points/h (20% reserve), ${(projected / BUDGET_PER_HOUR).toFixed(2)} of a ${BUDGET_PER_HOUR}-point hour`
  );
}

/** A first run, a sync with nothing changed (the fixed cost), then a sync after {@link CHANGES}. */
async function measureIncrementalSync(): Promise<string> {
  const model = sampleModel();
  const simulator = createGraphQLSimulator(model, { clock: systemClock, limit: 1_000_000 });
  return withStore(async (store) => {
    const first = await backfill(store, simulator, FIRST_RUN);
    const unchanged = await backfill(store, simulator, '2027-01-02T00:00:00Z');
    const changed = changePullRequests(model, CHANGES, new Date('2027-01-02T01:00:00Z'), new Date('2027-01-02T23:00:00Z'));
    const sync = await backfill(store, simulator, '2027-01-03T00:00:00Z');
    const fixed = sum(unchanged, (q) => q.cost);
    const points = sum(sync, (q) => q.cost);
    const perHundred = (points - fixed) / (changed.length / 100);
    const pages = sync.filter((q) => q.operationName === 'BackfillPullRequests');
    const followUps = sync.filter((q) => q.operationName === 'BackfillFollowUps');
    const rest = countRestRequests(changed);
    return (
      `incremental: after a first run of ${sum(first, (q) => q.cost)} points, ${changed.length} of ${PULL_REQUESTS} PRs changed ` +
      `(${CHANGES.pushed} with new commits, ${CHANGES.commented} with a comment, ${CHANGES.labeled} with a label): ` +
      `${points} points in ${sync.length} queries = fixed ${fixed} (a sync with nothing changed: ${unchanged.length} queries) ` +
      `+ ${points - fixed} = ${perHundred.toFixed(2)} points per 100 changed PRs (${sum(pages, (q) => q.cost)} in ${pages.length} ` +
      `PR pages, ${sum(followUps, (q) => q.cost)} in ${followUps.length} follow-ups for the files of the ${CHANGES.pushed} with new commits); ` +
      `REST ${rest} requests = ${(rest / points).toFixed(1)}x fewer points`
    );
  });
}
