import { CONNECTION_OWNER, type ConnectionKind, connectionSelection, type NodeType, RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { NODE_FIELDS } from './node-fields.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/** A page of one nested connection of one node: a PR's files, the next 100 items of a long timeline, … */
export interface ConnectionPageRequest {
  kind: ConnectionKind;
  /** The GraphQL node id of the PR, issue or release. */
  nodeId: string;
  /** `endCursor` of the page already held; `null` for the first page (a PR's files). */
  cursor: string | null;
}

/** A whole node again, by id (a node a killed run held back), with the fields its page query reads. */
export interface RefetchRequest {
  kind: 'refetch';
  nodeType: NodeType;
  nodeId: string;
}

export type FollowUpRequest = ConnectionPageRequest | RefetchRequest;

/**
 * At most this many follow-ups share one query. Each is one request by GitHub's formula (`node(id:)` is not a
 * connection, so only the one connection under it counts, a refetched node's timeline included): 100 cost 100
 * requests → 1 point, where 100 separate queries would cost 100. At 100 items each, an answer holds at most 10,000
 * nodes, far under GitHub's 500,000-node limit.
 */
export const MAX_FOLLOW_UPS_PER_QUERY = 100;

/**
 * A query answering each request under its own alias (`f0`, `f1`, …) of `node(id:)`, with ids and cursors as
 * variables (`$id0`, `$cursor0`, …). Returns the document and its variables.
 */
export function buildFollowUpQuery(requests: readonly FollowUpRequest[]): { query: string; variables: Record<string, string> } {
  if (requests.length === 0 || requests.length > MAX_FOLLOW_UPS_PER_QUERY) {
    throw new Error(`a follow-up query takes 1 to ${MAX_FOLLOW_UPS_PER_QUERY} requests (got ${requests.length})`);
  }
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields = requests.map((request, index) => {
    variables[`id${index}`] = request.nodeId;
    declarations.push(`$id${index}: ID!`);
    if (request.kind === 'refetch') {
      return `f${index}: node(id: $id${index}) { ... on ${request.nodeType} { ${NODE_FIELDS[request.nodeType]} } }`;
    }
    let after = '';
    if (request.cursor !== null) {
      variables[`cursor${index}`] = request.cursor;
      declarations.push(`$cursor${index}: String!`);
      after = `$cursor${index}`;
    }
    const selection = connectionSelection(request.kind, PAGE_SIZES.followUp, after);
    return `f${index}: node(id: $id${index}) { ... on ${CONNECTION_OWNER[request.kind]} { ${selection} } }`;
  });
  const query = `query BackfillFollowUps(${declarations.join(', ')}) {\n  ${RATE_LIMIT_SELECTION}\n  ${fields.join('\n  ')}\n}`;
  return { query, variables };
}
