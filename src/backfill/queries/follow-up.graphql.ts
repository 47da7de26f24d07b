import { CONNECTION_OWNER, type ConnectionKind, connectionSelection, RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/** The next page of one nested connection of one node (a PR's timeline, an issue's assignees, …). */
export interface FollowUpRequest {
  kind: ConnectionKind;
  /** The GraphQL node id of the PR, issue or release. */
  nodeId: string;
  /** `endCursor` of the page already held. */
  cursor: string;
}

/**
 * At most this many follow-ups share one query: each is one request (`node(id:)` is not a connection), so 50 cost
 * 50 requests → 0.5 → at most 1 point, where 50 separate queries would cost 50. At 100 items each, an answer holds
 * at most 5,000 nodes, far under GitHub's 500,000-node limit.
 */
export const MAX_FOLLOW_UPS_PER_QUERY = 50;

/**
 * A query fetching the next 100 items of each requested connection, one alias (`f0`, `f1`, …) per request, with
 * ids and cursors as variables (`$id0`, `$cursor0`, …). Returns the document and its variables.
 */
export function buildFollowUpQuery(requests: readonly FollowUpRequest[]): { query: string; variables: Record<string, string> } {
  if (requests.length === 0 || requests.length > MAX_FOLLOW_UPS_PER_QUERY) {
    throw new Error(`a follow-up query takes 1 to ${MAX_FOLLOW_UPS_PER_QUERY} requests (got ${requests.length})`);
  }
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields = requests.map((request, index) => {
    variables[`id${index}`] = request.nodeId;
    variables[`cursor${index}`] = request.cursor;
    declarations.push(`$id${index}: ID!`, `$cursor${index}: String!`);
    const selection = connectionSelection(request.kind, PAGE_SIZES.followUp, `$cursor${index}`);
    return `f${index}: node(id: $id${index}) { ... on ${CONNECTION_OWNER[request.kind]} { ${selection} } }`;
  });
  const query = `query BackfillFollowUps(${declarations.join(', ')}) {\n  ${RATE_LIMIT_SELECTION}\n  ${fields.join('\n  ')}\n}`;
  return { query, variables };
}
