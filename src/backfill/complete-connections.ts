import { MAX_PULL_REQUEST_FILES } from '../github/fetch-pull-request-files.js';
import type { Connection } from './graphql-types.js';
import { buildFollowUpQuery, type FollowUpRequest, MAX_FOLLOW_UPS_PER_QUERY } from './queries/follow-up.graphql.js';
import type { ConnectionKind } from './queries/fragments.graphql.js';

/** A nested connection whose first page did not hold everything (`pageInfo.hasNextPage`). */
export interface IncompleteConnection {
  kind: ConnectionKind;
  nodeId: string;
  /** The connection as held; follow-up pages are appended to it in place. */
  connection: Connection<unknown>;
}

/** Sends a query (through the rate-limit governor) and returns its `data`. */
export type SendQuery = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** The named connections of a node that have more pages (and are not at GitHub's file limit). */
export function listIncompleteConnections(
  nodeId: string,
  connections: ReadonlyArray<[ConnectionKind, Connection<unknown> | null]>,
): IncompleteConnection[] {
  return connections
    .filter((entry): entry is [ConnectionKind, Connection<unknown>] => entry[1] !== null && needsMore(entry[0], entry[1]))
    .map(([kind, connection]) => ({ kind, nodeId, connection }));
}

/**
 * Fetches the remaining pages of nested connections, 100 items a page, up to 50 connections per query (1 point),
 * appending each page to its connection until none has a next page. Only connections that were cut short cost
 * anything: a page of PRs that all fit in their first page needs no follow-up. Returns the number of queries sent.
 */
export async function completeConnections(pending: readonly IncompleteConnection[], send: SendQuery): Promise<number> {
  let open = pending.filter((item) => needsMore(item.kind, item.connection));
  let queries = 0;
  while (open.length > 0) {
    const batch = open.slice(0, MAX_FOLLOW_UPS_PER_QUERY);
    const requests: FollowUpRequest[] = batch.map((item) => ({
      kind: item.kind,
      nodeId: item.nodeId,
      cursor: item.connection.pageInfo.endCursor as string,
    }));
    const { query, variables } = buildFollowUpQuery(requests);
    const data = await send<Record<string, Record<string, Connection<unknown>> | null>>(query, variables);
    queries += 1;
    batch.forEach((item, index) => {
      const page = Object.values(data[`f${index}`] ?? {})[0];
      if (!page) {
        item.connection.pageInfo = { hasNextPage: false, endCursor: item.connection.pageInfo.endCursor };
        return;
      }
      item.connection.nodes.push(...page.nodes);
      item.connection.pageInfo = page.pageInfo;
    });
    open = open.filter((item) => needsMore(item.kind, item.connection));
  }
  return queries;
}

function needsMore(kind: ConnectionKind, connection: Connection<unknown>): boolean {
  if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) return false;
  return kind !== 'files' || connection.nodes.length < MAX_PULL_REQUEST_FILES;
}
