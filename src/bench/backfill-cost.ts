import { graphql } from '@octokit/graphql';
import { backfillRepository } from '../backfill/backfill-repository.js';
import { systemClock } from '../backfill/backfill-clock.js';
import { createRateLimitGovernor } from '../backfill/rate-limit-governor.js';
import { buildGitHubModel } from '../backfill/simulator/build-github-model.js';
import { createGraphQLSimulator } from '../backfill/simulator/create-graphql-simulator.js';
import type { GitHubModel } from '../backfill/simulator/github-model.js';
import { createSimulatorFetch } from '../backfill/simulator/simulator-fetch.js';
import { generateDeliveries } from '../sample/generate-deliveries.js';
import { seededRandom } from '../sample/seeded-random.js';
import { openStore } from '../store/open-store.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';

const PULL_REQUESTS = 1000;
const RUNS = 3;
const BUDGET_PER_HOUR = 5000;
const RESERVE = 0.2;
const PER_PAGE = 100;
const PR_OPERATIONS = new Set(['BackfillPullRequests', 'BackfillFollowUps']);

/**
 * Backfill cost: 1,000 generated PRs (and their issues, milestone and release) backfilled through the real GraphQL
 * client against the local simulator, which charges GitHub's formula. Counts the points and requests the PR queries
 * actually cost, against the REST route's requests for the same PRs (list 100 a page, then per PR its reviews,
 * comments and files, 100 a page), and projects a 100,000-PR repository against a 5,000-point hour. Two
 * repositories: the generated one (small timelines), and a busy one where a fifth of the PRs have 60–200 timeline
 * items and a tenth change 80–400 files, so follow-up pages are paid for.
 */
export const backfillCostBenchmark: Benchmark = {
  name: 'backfill-cost',
  run: async () => {
    for (const [label, busy] of [['typical', false], ['busy', true]] as const) {
      const seconds: number[] = [];
      let figures: { points: number; requests: number; followUps: number; rest: number; totalPoints: number } | undefined;
      for (let run = 0; run < RUNS; run += 1) {
        const model = buildGitHubModel(generateDeliveries({ pullRequests: PULL_REQUESTS, seed: 17, installationId: 0 }));
        if (busy) makeBusy(model);
        const simulator = createGraphQLSimulator(model, { clock: systemClock, limit: 1_000_000 });
        const client = graphql.defaults({ headers: { authorization: 'token bench' }, request: { fetch: createSimulatorFetch(simulator) } });
        const store = await openStore('sqlite::memory:');
        const started = performance.now();
        try {
          await backfillRepository({
            store,
            graphql: (query, variables) => client(query, variables),
            governor: createRateLimitGovernor({ clock: systemClock }),
            installationId: 0,
            repository: model.repository.nameWithOwner,
            backfillDays: 3650,
            now: new Date('2027-01-01T00:00:00Z'),
          });
        } finally {
          await store.close();
        }
        seconds.push((performance.now() - started) / 1000);
        const prQueries = simulator.log.filter((q) => PR_OPERATIONS.has(q.operationName));
        figures = {
          points: prQueries.reduce((sum, q) => sum + q.cost, 0),
          requests: prQueries.length,
          followUps: prQueries.filter((q) => q.operationName === 'BackfillFollowUps').length,
          rest: countRestRequests(model),
          totalPoints: simulator.log.reduce((sum, q) => sum + q.cost, 0),
        };
      }
      const f = figures!;
      const projected = (f.points / PULL_REQUESTS) * 100_000;
      const usable = BUDGET_PER_HOUR * (1 - RESERVE);
      console.log(
        `${label}: per ${PULL_REQUESTS} PRs GraphQL ${f.points} points in ${f.requests} requests (${f.followUps} follow-up) ` +
          `vs REST ${f.rest} requests = ${(f.rest / f.points).toFixed(1)}x fewer points; whole repository ${f.totalPoints} points; ` +
          `100,000 PRs ≈ ${Math.round(projected)} points = ${(projected / usable).toFixed(2)} h at ${usable} usable points/h ` +
          `(${(projected / BUDGET_PER_HOUR).toFixed(2)} of a ${BUDGET_PER_HOUR}-point hour); ` +
          `median wall time ${median(seconds).toFixed(2)} s (runs: ${seconds.map((s) => s.toFixed(2)).join(', ')})`,
      );
    }
  },
};

/** The REST route: `GET /pulls` 100 a page, then per PR `/reviews`, `/issues/{n}/comments` and `/files`, 100 a page. */
function countRestRequests(model: GitHubModel): number {
  const pages = (n: number) => Math.max(1, Math.ceil(n / PER_PAGE));
  let requests = pages(model.pullRequests.length);
  for (const pr of model.pullRequests) {
    requests += pages(pr.timeline.filter((item) => item.__typename === 'PullRequestReview').length);
    requests += pages(pr.timeline.filter((item) => item.__typename === 'IssueComment').length);
    requests += pages(pr.paths.length);
  }
  return requests;
}

/** Deterministically gives a fifth of the PRs long conversations and a tenth wide diffs. */
function makeBusy(model: GitHubModel): void {
  const random = seededRandom(99);
  for (const pr of model.pullRequests) {
    if (random.chance(0.2)) {
      const extra = random.int(60, 200);
      for (let i = 0; i < extra; i += 1) {
        pr.timeline.push({
          __typename: 'IssueComment',
          databaseId: 10_000_000 + pr.number * 1000 + i,
          author: { __typename: 'User', login: `commenter-${i % 9}` },
          createdAt: pr.updatedAt,
          updatedAt: pr.updatedAt,
        });
      }
    }
    if (random.chance(0.1)) pr.paths = Array.from({ length: random.int(80, 400) }, (_, i) => `wide/dir-${i % 13}/file-${i}.ts`);
  }
}
