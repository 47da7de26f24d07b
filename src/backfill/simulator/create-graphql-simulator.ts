import { schema as githubSchema } from '@octokit/graphql-schema';
import { buildSchema, type GraphQLSchema, graphqlSync, parse, validate } from 'graphql';
import type { BackfillClock } from '../backfill-clock.js';
import { computeQueryCost } from './compute-query-cost.js';
import type { GitHubModel, ModelActor, ModelTimelineItem } from './github-model.js';

/** One query the simulator answered. */
export interface SimulatedQuery {
  operationName: string;
  variables: Record<string, unknown>;
  /** Points charged (GitHub's formula). */
  cost: number;
  /** Connection requests the formula counted. */
  requests: number;
}

/** An HTTP answer to `POST /graphql`. */
export interface SimulatedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphQLSimulator {
  /** Answers a `POST /graphql` body (`{ query, variables }`). */
  handle(body: { query: string; variables?: Record<string, unknown> }): SimulatedResponse;
  /** Every query answered, in order. */
  readonly log: SimulatedQuery[];
  /** The model served; tests change it between runs (new activity for an incremental sync). */
  model: GitHubModel;
}

export interface SimulatorOptions {
  clock: Pick<BackfillClock, 'now'>;
  /** Points per hour (default 5,000, a user token's budget). */
  limit?: number;
}

let cachedSchema: GraphQLSchema | undefined;

/** GitHub's public schema (`@octokit/graphql-schema`; its SDL repeats two enterprise fields, hence `assumeValidSDL`). */
export function loadGitHubSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(githubSchema.idl, { assumeValidSDL: true });
  return cachedSchema;
}

/**
 * A local stand-in for GitHub's GraphQL endpoint: validates each query against the real schema, charges it by
 * GitHub's cost formula against an hourly budget (answering `RATE_LIMITED` when it runs out), executes it over a
 * {@link GitHubModel} with cursor pagination, `orderBy: UPDATED_AT DESC`, `filterBy.since` and `itemTypes`, and
 * reports `rateLimit { cost remaining resetAt limit }` as GitHub does.
 */
export function createGraphQLSimulator(model: GitHubModel, options: SimulatorOptions): GraphQLSimulator {
  const schema = loadGitHubSchema();
  const limit = options.limit ?? 5000;
  let remaining = limit;
  let resetAt = options.clock.now() + 3_600_000;
  const log: SimulatedQuery[] = [];
  const simulator: GraphQLSimulator = {
    log,
    model,
    handle(body) {
      const document = parse(body.query);
      const errors = validate(schema, document);
      if (errors.length > 0) return { status: 200, headers: {}, body: { errors: errors.map((e) => ({ message: e.message })) } };
      const variables = body.variables ?? {};
      const cost = computeQueryCost(document, variables);
      if (options.clock.now() >= resetAt) {
        remaining = limit;
        resetAt = options.clock.now() + 3_600_000;
      }
      const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-reset': String(Math.floor(resetAt / 1000)) };
      if (cost.points > remaining) {
        return {
          status: 200,
          headers: { ...headers, 'x-ratelimit-remaining': '0' },
          body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
        };
      }
      remaining -= cost.points;
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
      log.push({ operationName: operation?.name?.value ?? '', variables, cost: cost.points, requests: cost.requests });
      const rateLimit = { cost: cost.points, remaining, limit, resetAt: new Date(resetAt).toISOString(), used: limit - remaining };
      const result = graphqlSync({ schema, source: body.query, variableValues: variables, rootValue: rootOf(simulator.model, rateLimit) });
      return { status: 200, headers: { ...headers, 'x-ratelimit-remaining': String(remaining) }, body: result };
    },
  };
  return simulator;
}

interface PageArgs {
  first?: number;
  after?: string | null;
  orderBy?: { field: string; direction: string };
  filterBy?: { since?: string };
  itemTypes?: string[];
  states?: string[];
}

function paginate<T>(items: readonly T[], args: PageArgs) {
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8').slice('cursor:'.length)) + 1 : 0;
  const size = args.first ?? items.length;
  const nodes = items.slice(start, start + size);
  const end = start + nodes.length - 1;
  return {
    totalCount: items.length,
    nodes,
    pageInfo: {
      hasNextPage: start + size < items.length,
      endCursor: nodes.length > 0 ? Buffer.from(`cursor:${end}`).toString('base64') : null,
    },
  };
}

function byUpdatedDesc<T extends { updatedAt: string; number: number }>(items: readonly T[], since?: string): T[] {
  const sinceMs = since ? Date.parse(since) : -Infinity;
  return items
    .filter((item) => Date.parse(item.updatedAt) >= sinceMs)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.number - a.number);
}

/** `READY_FOR_REVIEW_EVENT` → `ReadyForReviewEvent`. */
function typenameOf(itemType: string): string {
  return itemType.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
}

function timeline(items: readonly ModelTimelineItem[]) {
  return (args: PageArgs) => {
    const wanted = args.itemTypes ? new Set(args.itemTypes.map(typenameOf)) : null;
    // A comment modelled without a body (tests, benchmarks) reads as an empty one, as GitHub's `body: String!` would.
    const withBodies = items.map((item) => (item.__typename === 'IssueComment' && item.body === undefined ? { ...item, body: '' } : item));
    return paginate(withBodies.filter((item) => !wanted || wanted.has(item.__typename)).map(withFullDatabaseId), args);
  };
}

/** GitHub's `fullDatabaseId` (a `BigInt`, sent as a string) of a model node that has a `databaseId`. */
function withFullDatabaseId<T extends object>(node: T): T & { fullDatabaseId?: string } {
  const id = (node as { databaseId?: unknown }).databaseId;
  return typeof id === 'number' ? { ...node, fullDatabaseId: String(id) } : node;
}

const count = (total: number) => () => ({ totalCount: total, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });

function rootOf(model: GitHubModel, rateLimit: Record<string, unknown>) {
  const prs = model.pullRequests.map((pr) => ({
    ...withFullDatabaseId(pr),
    labels: (args: PageArgs) => paginate(pr.labelNames.map((name) => ({ name })), args),
    timelineItems: timeline(pr.timeline),
    files: (args: PageArgs) => paginate(pr.paths.map((path) => ({ path })), args),
  }));
  const issues = model.issues.map((issue) => ({
    ...withFullDatabaseId(issue),
    labels: (args: PageArgs) => paginate(issue.labelNames.map((name) => ({ name })), args),
    assignees: (args: PageArgs) => paginate<ModelActor>(issue.assigneeActors, args),
    timelineItems: timeline(issue.timeline),
  }));
  const milestones = model.milestones.map((m) => ({
    ...m,
    issues: (args: PageArgs) => count(args.states?.includes('OPEN') ? m.openCount : m.closedCount)(),
    pullRequests: count(0),
  }));
  const releases = model.releases.map((r) => ({ ...r, releaseAssets: (args: PageArgs) => paginate(r.assetNames.map((name) => ({ name })), args) }));
  const nodes = new Map<string, unknown>([...prs, ...issues, ...releases].map((node) => [node.id, node]));
  const repo = model.repository;
  const repository = {
    databaseId: repo.databaseId,
    nameWithOwner: repo.nameWithOwner,
    isPrivate: repo.isPrivate,
    isArchived: repo.isArchived ?? false,
    isFork: repo.isFork ?? false,
    defaultBranchRef: { name: repo.defaultBranch, target: { __typename: 'Commit', oid: repo.headOid } },
    pullRequests: (args: PageArgs) => paginate(byUpdatedDesc(prs), args),
    issues: (args: PageArgs) => paginate(byUpdatedDesc(issues, args.filterBy?.since), args),
    milestones: (args: PageArgs) => paginate(byUpdatedDesc(milestones), args),
    releases: (args: PageArgs) =>
      paginate([...releases].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)), args),
  };
  return {
    rateLimit: () => rateLimit,
    repository: (args: { owner: string; name: string }) =>
      `${args.owner}/${args.name}`.toLowerCase() === repo.nameWithOwner.toLowerCase() ? repository : null,
    node: (args: { id: string }) => nodes.get(args.id) ?? null,
  };
}
