import nock from 'nock';
import type { BackfillClock } from '../../src/backfill/backfill-clock.js';
import { type BackfillResult, backfillRepository, type GraphQLRequest } from '../../src/backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import type { GraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import type { GitHubModel, ModelPullRequest } from '../../src/backfill/simulator/github-model.js';
import type { Store } from '../../src/store/store.js';
import { createTestOctokit } from '../helpers/octokit.js';

/** A clock that never waits: `sleep` moves time forward and is recorded. */
export function createFakeClock(startIso: string): BackfillClock & { sleeps: number[] } {
  let now = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

/** Calls the simulator in-process (no HTTP), for mapping-level tests; GraphQL errors throw. */
export function callSimulator(simulator: GraphQLSimulator): GraphQLRequest {
  return async (query, variables) => {
    const { body } = simulator.handle({ query, variables });
    const answer = body as { data?: unknown; errors?: Array<{ message: string }> };
    if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
    return answer.data;
  };
}

/**
 * Serves exactly `times` `POST https://api.github.com/graphql` requests from the simulator through nock (strict
 * nock fails the test on one more or one fewer). `intercept` may answer a request itself (e.g. a 403) by returning
 * a response; the request numbers it sees start at 1.
 */
export function serveSimulator(
  simulator: GraphQLSimulator,
  times: number,
  intercept?: (request: number) => [number, unknown, Record<string, string>] | undefined,
  baseUrl = 'https://api.github.com',
  path = '/graphql',
): void {
  let request = 0;
  nock(baseUrl)
    .post(path)
    .times(times)
    .reply((_uri, body) => {
      request += 1;
      const override = intercept?.(request);
      if (override) return override;
      const answer = simulator.handle(body as { query: string; variables?: Record<string, unknown> });
      return [answer.status, answer.body as Record<string, unknown>, answer.headers];
    });
}

/** Requests (aliases) each follow-up query the simulator answered carried, in order. */
export function followUpSizes(simulator: GraphQLSimulator): number[] {
  return followUpQueries(simulator).map((q) => Object.keys(q.variables).filter((name) => name.startsWith('id')).length);
}

/** The follow-up queries the simulator answered, in order. */
export function followUpQueries(simulator: GraphQLSimulator): GraphQLSimulator['log'] {
  return simulator.log.filter((q) => q.operationName === 'BackfillFollowUps');
}

/** The model's PRs in the order the PR pages list them (most recently updated first). */
export function pullRequestsInPageOrder(model: GitHubModel): ModelPullRequest[] {
  return [...model.pullRequests].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.number - a.number);
}

/** Appends `count` comments to a PR's timeline (ids from `firstId`), making it longer than a page holds. */
export function addComments(pr: ModelPullRequest, count: number, firstId: number): void {
  for (let i = 0; i < count; i += 1) {
    pr.timeline.push({
      __typename: 'IssueComment',
      databaseId: firstId + i,
      author: { __typename: 'User', login: `commenter-${i % 7}` },
      createdAt: '2026-08-01T00:00:00Z',
      updatedAt: '2026-08-01T00:00:00Z',
    });
  }
}

export interface TestBackfillOptions {
  clock: BackfillClock;
  /** Defaults to the test Octokit's `graphql` (through nock). */
  graphql?: GraphQLRequest;
  now: string;
  backfillDays?: number;
}

/** Backfills `sample-org/sample-repo` (installation 0) into `store` as a token-only run would. */
export function backfillSampleRepository(store: Store, options: TestBackfillOptions): Promise<BackfillResult> {
  const octokit = createTestOctokit();
  return backfillRepository({
    store,
    graphql: options.graphql ?? ((query, variables) => octokit.graphql(query, variables)),
    governor: createRateLimitGovernor({ clock: options.clock }),
    installationId: 0,
    repository: 'sample-org/sample-repo',
    now: new Date(options.now),
    ...(options.backfillDays === undefined ? {} : { backfillDays: options.backfillDays }),
  });
}
