import { MAX_PULL_REQUEST_FILES } from '../github/fetch-pull-request-files.js';
import type { Connection } from './graphql-types.js';
import {
  buildFollowUpQuery,
  type ConnectionPageRequest,
  type FollowUpRequest,
  MAX_FOLLOW_UPS_PER_QUERY,
} from './queries/follow-up.graphql.js';
import { CONNECTION_FIELD, type ConnectionKind, type NodeType } from './queries/fragments.graphql.js';

/** Sends a query (through the rate-limit governor) and returns its `data`. */
export type SendQuery = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** What a connection's nodes need besides their page: the node type, and each node's first follow-ups. */
export interface FollowUpSource<N> {
  /** The type a held-back node is fetched again as, by id, when a killed run resumes. */
  nodeType: NodeType;
  /** The follow-ups each of `nodes` needs (next timeline page, files of a moved head, …), in the order of `nodes`. */
  followUpsOf(nodes: readonly N[]): Promise<ConnectionPageRequest[][]>;
}

/**
 * Follow-up work of one connection's run, pooled across its pages: nodes that need follow-ups are held back, their
 * requests queued, and each query carries up to 100 of them (1 point), whichever pages they came from. A node is
 * released, complete, once its last follow-up is answered. Every held node has at least one request queued, so
 * sending full queries whenever 100 are waiting keeps fewer than 100 nodes held.
 */
export interface FollowUpPool<N> {
  /** Takes a page's nodes; returns those that need no follow-up (to store now) and holds the others. */
  add(nodes: readonly N[]): Promise<N[]>;
  /** Holds nodes a killed run held back, to be fetched again by id (pooled with the other follow-ups). */
  refetch(nodeIds: readonly string[]): void;
  /** Follow-up requests queued. */
  readonly waiting: number;
  /** Ids of the nodes held back, for the checkpoint. */
  heldIds(): string[];
  /** Sends one query with the next (up to 100) queued requests; returns the nodes it completed. */
  sendNext(): Promise<N[]>;
}

interface Held<N> {
  /** `null` until a refetch answers. */
  node: N | null;
  /** Requests of this node queued. */
  open: number;
}

type Alias = Record<string, Connection<unknown> | null | undefined> | null | undefined;

/** A pool for a connection's nodes; without a source no node needs follow-ups (milestones). */
export function createFollowUpPool<N extends { id: string }>(source: FollowUpSource<N> | undefined, send: SendQuery): FollowUpPool<N> {
  const held = new Map<string, Held<N>>();
  const queue: FollowUpRequest[] = [];

  const track = async (nodes: readonly N[]): Promise<N[]> => {
    if (!source || nodes.length === 0) return [...nodes];
    const needs = await source.followUpsOf(nodes);
    const complete: N[] = [];
    nodes.forEach((node, index) => {
      const requests = needs[index] ?? [];
      if (requests.length === 0) {
        complete.push(node);
        return;
      }
      held.set(node.id, { node, open: requests.length });
      queue.push(...requests);
    });
    return complete;
  };

  return {
    // A node already held (met again on a page) stays as held: it is stored once its follow-ups are answered.
    add: (nodes) => track(nodes.filter((node) => !held.has(node.id))),
    refetch(nodeIds) {
      if (nodeIds.length > 0 && !source) throw new Error('nodes without follow-ups cannot have been held back');
      for (const nodeId of nodeIds) {
        if (held.has(nodeId) || !source) continue;
        held.set(nodeId, { node: null, open: 1 });
        queue.push({ kind: 'refetch', nodeType: source.nodeType, nodeId });
      }
    },
    get waiting() {
      return queue.length;
    },
    heldIds: () => [...held.keys()],
    async sendNext() {
      const batch = queue.splice(0, MAX_FOLLOW_UPS_PER_QUERY);
      if (batch.length === 0) return [];
      const { query, variables } = buildFollowUpQuery(batch);
      const data = await send<Record<string, Alias>>(query, variables);
      const complete: N[] = [];
      const refetched: N[] = [];
      batch.forEach((request, index) => {
        const entry = held.get(request.nodeId) as Held<N>;
        const answer = data[`f${index}`];
        if (request.kind === 'refetch') {
          // A node gone since (deleted, transferred) has nothing left to store.
          held.delete(request.nodeId);
          // The refetch query asks for the node's own fields, so the answer is an `N`; GraphQL's answer is untyped.
          if (answer && typeof answer.id === 'string') refetched.push(answer as unknown as N);
          return;
        }
        const next = mergePage(entry.node as N, request, answer);
        if (next) {
          queue.push(next);
          return;
        }
        entry.open -= 1;
        if (entry.open === 0) {
          held.delete(request.nodeId);
          complete.push(entry.node as N);
        }
      });
      complete.push(...(await track(refetched)));
      return complete;
    },
  };
}

/** The request for the next page of `connection`, if it has one worth fetching (files stop at GitHub's 3,000). */
export function nextPageRequest(kind: ConnectionKind, nodeId: string, connection: Connection<unknown> | null | undefined): ConnectionPageRequest | null {
  if (!connection?.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) return null;
  if (kind === 'files' && connection.nodes.length >= MAX_PULL_REQUEST_FILES) return null;
  return { kind, nodeId, cursor: connection.pageInfo.endCursor };
}

/** Merges an answered page into its node (a first page replaces, a later one appends); returns the next request. */
function mergePage<N>(node: N, request: ConnectionPageRequest, answer: Alias): ConnectionPageRequest | null {
  const field = CONNECTION_FIELD[request.kind];
  const fields = node as Record<string, Connection<unknown> | null | undefined>;
  const page = answer?.[field];
  if (request.cursor === null) {
    fields[field] = page ?? null;
  } else {
    const held = fields[field] as Connection<unknown>;
    if (page) {
      held.nodes.push(...page.nodes);
      held.pageInfo = page.pageInfo;
    } else {
      // The node is gone, or the connection unreadable: keep what was read.
      held.pageInfo = { hasNextPage: false, endCursor: held.pageInfo.endCursor };
    }
  }
  return nextPageRequest(request.kind, request.nodeId, fields[field]);
}
