import type { AreaSources } from '../areas/fetch-area-sources.js';
import type { RepositoryRecord } from '../core/records.js';
import { emptyBatch } from '../ingest/record-batch.js';
import type { BackfillStore } from './backfill-store.js';
import { type BackfillConnectionName, type ConnectionProgress, type RunConnectionOptions, runConnection } from './backfill-connection.js';
import type { SendQuery } from './follow-up-pool.js';
import { type BackfillTarget, issuesSpec, milestonesSpec, pullRequestsSpec, releasesSpec } from './connection-specs.js';
import type { RepositoryNode, WithRateLimit } from './graphql-types.js';
import { REPOSITORY_QUERY } from './queries/repository.graphql.js';
import type { RateLimitGovernor } from './rate-limit-governor.js';

/** Sends one GraphQL document with variables and resolves to its `data` (`octokit.graphql` fits). */
export type GraphQLRequest = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

/** The default history a backfill reaches back over, in days. */
export const DEFAULT_BACKFILL_DAYS = 180;

export interface BackfillRepositoryOptions {
  store: BackfillStore;
  graphql: GraphQLRequest;
  governor: RateLimitGovernor;
  /** The installation the records belong to (`0` for token-only CLI use). */
  installationId: number;
  /** `owner/name`. */
  repository: string;
  /** How far back a first run reaches (default 180 days). */
  backfillDays?: number;
  /** The time the run starts (read by the caller: the backfill itself reads no clock). */
  now: Date;
  onProgress?: (progress: BackfillProgress) => void;
  /** Reads CODEOWNERS / OWNERS at the default branch head (the app passes `fetchAreaSources` with its client and cache). */
  readAreaSources?: (params: { owner: string; repo: string; sha: string }) => Promise<AreaSources>;
}

/** Figures for a progress line: totals of this run so far. */
export interface BackfillProgress {
  repository: string;
  connection: BackfillConnectionName;
  /** PRs, issues, milestones and releases stored. */
  items: number;
  /** Top-level pages stored. */
  pages: number;
  /** Queries sent, follow-ups included. */
  queries: number;
  /** Rate-limit points the queries cost (`rateLimit.cost`). */
  points: number;
  /** Estimated share of the whole backfill done (0–1). */
  fraction: number;
}

export interface BackfillResult {
  repository: RepositoryRecord;
  items: Record<BackfillConnectionName, number>;
  queries: number;
  points: number;
  /** The area sources read at the default branch head (`null` when not asked for, or the branch is empty). */
  areaSources: AreaSources | null;
}

/** The checkpoint row marking a whole-repository run in progress. */
const RUN_CHECKPOINT = 'repository';

/** Share of a backfill's work each connection stands for, in the order they run (for the ETA). */
const WEIGHTS: Array<[BackfillConnectionName, number]> = [
  ['milestones', 0.02],
  ['releases', 0.03],
  ['pullRequests', 0.65],
  ['issues', 0.3],
];

/**
 * Backfills one repository over GraphQL: its record (identity, default branch), then milestones, releases, pull
 * requests (reviews, comments, review requests, labels, draft / ready timeline, files) and issues (comments, labels,
 * assignees, close events), each connection resumable and incremental (see {@link runConnection}), every query
 * through the rate-limit governor. A page of 100 PRs or issues costs 1 point; PR files (only of PRs whose head
 * moved since their files were stored) and pages past the first of long timelines come in pooled follow-up queries,
 * 1 point per 100: a first run costs about 2 points per 100 PRs, an incremental one about 1 per 100 changed PRs,
 * plus 1 per 100 that got new commits. A run killed midway resumes on the next call: with its original start time,
 * skipping the connections it finished, and each unfinished connection from its checkpointed cursor and held-back
 * nodes. Records are
 * the webhook path's (see the `map-*` modules), so webhooks arriving meanwhile converge with it. Finally reads the
 * area sources at the default branch head, when asked to.
 */
export async function backfillRepository(options: BackfillRepositoryOptions): Promise<BackfillResult> {
  const { store, installationId } = options;
  const [owner, name] = splitFullName(options.repository);
  let queries = 0;
  let points = 0;
  const send: SendQuery = async <T>(query: string, variables: Record<string, unknown>) => {
    const data = await options.governor.run(installationId, async () => (await options.graphql(query, variables)) as WithRateLimit);
    queries += 1;
    points += data.rateLimit?.cost ?? 0;
    return data as T;
  };

  const { repository: node } = await send<{ repository: RepositoryNode | null }>(REPOSITORY_QUERY, { owner, name });
  if (!node) throw new Error(`repository ${options.repository} not found (or the token cannot read it)`);
  const repository: RepositoryRecord = {
    installationId,
    repoId: node.databaseId,
    fullName: node.nameWithOwner,
    defaultBranch: node.defaultBranchRef?.name ?? '',
    private: node.isPrivate,
    ...(typeof node.isArchived === 'boolean' ? { archived: node.isArchived } : {}),
    ...(typeof node.isFork === 'boolean' ? { fork: node.isFork } : {}),
  };
  const batch = emptyBatch(installationId);
  batch.repositories.push(repository);
  await store.applyBatch(batch);

  // A run killed before it finished is resumed with its original start time; connections it completed are skipped.
  const run = await store.getBackfillCheckpoint(installationId, repository.repoId, RUN_CHECKPOINT);
  const now = run?.runStartedAt ?? options.now.toISOString();
  await store.saveBackfillCheckpoint(installationId, repository.repoId, {
    connection: RUN_CHECKPOINT,
    cursor: null,
    runStartedAt: now,
    runHorizon: null,
    syncedThrough: run?.syncedThrough ?? null,
    pendingNodeIds: [],
  });
  const daysHorizon = new Date(Date.parse(now) - (options.backfillDays ?? DEFAULT_BACKFILL_DAYS) * 86_400_000).toISOString();
  const target: BackfillTarget = { store, installationId, repoId: repository.repoId };
  const items: Record<BackfillConnectionName, number> = { milestones: 0, releases: 0, pullRequests: 0, issues: 0 };
  let pages = 0;
  let doneWeight = 0;
  for (const [connection, weight] of WEIGHTS) {
    const saved = await store.getBackfillCheckpoint(installationId, repository.repoId, connection);
    const finishedThisRun = saved !== undefined && saved.runStartedAt === null && (saved.syncedThrough ?? '') >= now;
    if (!finishedThisRun) {
      const onPage = (progress: ConnectionProgress) => {
        pages += 1;
        items[connection] = progress.items;
        const share = progress.done ? 1 : (progress.fraction ?? 0.5);
        options.onProgress?.({
          repository: repository.fullName,
          connection,
          items: Object.values(items).reduce((sum, count) => sum + count, 0),
          pages,
          queries,
          points,
          fraction: Math.min(1, doneWeight + weight * share),
        });
      };
      const runOptions = { store, installationId, repoId: repository.repoId, owner, name, send, now, daysHorizon, onPage };
      await runSpec(connection, target, daysHorizon, runOptions);
    }
    doneWeight += weight;
  }
  await store.saveBackfillCheckpoint(installationId, repository.repoId, {
    connection: RUN_CHECKPOINT,
    cursor: null,
    runStartedAt: null,
    runHorizon: null,
    syncedThrough: now,
    pendingNodeIds: [],
  });

  const sha = node.defaultBranchRef?.target?.oid;
  const areaSources = sha && options.readAreaSources ? await options.readAreaSources({ owner, repo: name, sha }) : null;
  return { repository, items, queries, points, areaSources };
}

/** `owner/name` → `[owner, name]`; throws on anything else. */
export function splitFullName(fullName: string): [string, string] {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName.trim());
  if (!match) throw new Error(`expected owner/name, got "${fullName}"`);
  return [match[1] as string, match[2] as string];
}

function runSpec(
  connection: BackfillConnectionName,
  target: BackfillTarget,
  daysHorizon: string,
  options: RunConnectionOptions,
): Promise<ConnectionProgress> {
  switch (connection) {
    case 'milestones':
      return runConnection(milestonesSpec(target), options);
    case 'releases':
      return runConnection(releasesSpec(target), options);
    case 'pullRequests':
      return runConnection(pullRequestsSpec(target), options);
    case 'issues':
      return runConnection(issuesSpec(target, daysHorizon), options);
  }
}
