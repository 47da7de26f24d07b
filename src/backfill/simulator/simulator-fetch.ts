import type { GraphQLSimulator } from './create-graphql-simulator.js';

/**
 * A `fetch` that answers GraphQL POSTs from the simulator, for Octokit's `request.fetch` option: the backfill's real
 * client sends real request bodies, and nothing leaves the process.
 */
export function createSimulatorFetch(simulator: GraphQLSimulator): typeof fetch {
  return async (_input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables?: Record<string, unknown> };
    const answer = simulator.handle(body);
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...answer.headers },
    });
  };
}
