import nock from 'nock';
import type { BackfillClock } from '../../src/backfill/backfill-clock.js';
import type { GraphQLRequest } from '../../src/backfill/backfill-repository.js';
import type { GraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';

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
