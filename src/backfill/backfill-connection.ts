import { toIso } from '../core/time.js';
import type { BackfillCheckpoint } from '../store/store.js';
import type { BackfillStore } from './backfill-store.js';
import { createFollowUpPool, type FollowUpSource, type SendQuery } from './follow-up-pool.js';
import type { Connection } from './graphql-types.js';
import { MAX_FOLLOW_UPS_PER_QUERY } from './queries/follow-up.graphql.js';

/** The top-level connections a backfill walks, in the order it walks them. */
export type BackfillConnectionName = 'milestones' | 'releases' | 'pullRequests' | 'issues';

/** How one top-level connection is fetched, cut at the horizon, completed and stored. */
export interface ConnectionSpec<N extends { id: string }> {
  name: BackfillConnectionName;
  query: string;
  /** Variables besides `owner`, `name` and `cursor` (the issues' `since`). */
  variables(horizon: string | null): Record<string, unknown>;
  /** The connection inside the query's `data`. */
  select(data: unknown): Connection<N>;
  /** The time the page is ordered by (newest first), compared with the horizon. */
  timeOf(node: N): string;
  /** Whether the horizon applies on a first run (PRs and issues), or only on incremental ones (milestones, releases). */
  horizonOnFirstRun: boolean;
  /** What its nodes need besides their page (files, long timelines); absent when nothing (milestones). */
  followUps?: FollowUpSource<N>;
  /** Maps complete nodes to records and stores them; returns how many items were stored. */
  store(nodes: N[]): Promise<number>;
}

/** Where a connection's backfill stands after a page, for progress lines. */
export interface ConnectionProgress {
  connection: BackfillConnectionName;
  items: number;
  pages: number;
  /** Share of the time between now and the horizon already walked (0–1), `null` without a horizon. */
  fraction: number | null;
  done: boolean;
}

export interface RunConnectionOptions {
  store: BackfillStore;
  installationId: number;
  repoId: number;
  owner: string;
  name: string;
  send: SendQuery;
  /** The current time (ISO), the start of a new run. */
  now: string;
  /** `now` minus `backfillDays` (ISO): the first run's horizon. */
  daysHorizon: string;
  onPage?: (progress: ConnectionProgress) => void;
}

/**
 * Backfills one connection, page by page (100 items, newest first), resumably. A new run starts at the first page
 * with a horizon: the later of the last completed run's start (incremental sync: only what changed since) and `now -
 * backfillDays`; items older than the horizon end the run.
 *
 * Follow-ups are pooled across pages (see {@link createFollowUpPool}): a page's nodes that need none are stored at
 * once, the others are held back, and a follow-up query is sent whenever 100 requests are waiting, the rest at the
 * end of the connection. After each page, its end cursor is checkpointed with the ids of the nodes held back, so a
 * process killed mid-run loses nothing: it resumes after the last checkpointed page, fetching the held-back nodes
 * again by id (pooled, 1 point per 100) and the page in flight again (storing is an idempotent merge, so nothing is
 * duplicated). A completed run records its start as `syncedThrough`: what was updated while it ran is newer than
 * that and is picked up by the next run.
 */
export async function runConnection<N extends { id: string }>(spec: ConnectionSpec<N>, options: RunConnectionOptions): Promise<ConnectionProgress> {
  const { store, installationId, repoId } = options;
  const saved = await store.getBackfillCheckpoint(installationId, repoId, spec.name);
  let checkpoint: BackfillCheckpoint;
  if (saved?.runStartedAt) {
    checkpoint = saved;
  } else {
    const previous = saved?.syncedThrough ?? null;
    const horizon = previous
      ? maxIso(previous, options.daysHorizon)
      : spec.horizonOnFirstRun
        ? options.daysHorizon
        : null;
    checkpoint = {
      connection: spec.name,
      cursor: null,
      runStartedAt: options.now,
      runHorizon: horizon,
      syncedThrough: previous,
      pendingNodeIds: [],
    };
    await store.saveBackfillCheckpoint(installationId, repoId, checkpoint);
  }
  const horizon = checkpoint.runHorizon;
  const runStart = checkpoint.runStartedAt as string;
  const progress: ConnectionProgress = { connection: spec.name, items: 0, pages: 0, fraction: horizon ? 0 : null, done: false };
  const pool = createFollowUpPool(spec.followUps, options.send);
  pool.refetch(checkpoint.pendingNodeIds);
  const storeNodes = async (nodes: N[]) => {
    if (nodes.length > 0) progress.items += await spec.store(nodes);
  };
  for (;;) {
    const data = await options.send<unknown>(spec.query, {
      owner: options.owner,
      name: options.name,
      cursor: checkpoint.cursor,
      ...spec.variables(horizon),
    });
    const page = spec.select(data);
    const fresh = horizon === null ? page.nodes : page.nodes.filter((node) => toIso(spec.timeOf(node)) >= horizon);
    await storeNodes(await pool.add(fresh));
    progress.pages += 1;
    const oldest = page.nodes.at(-1);
    const reachedHorizon = fresh.length < page.nodes.length;
    progress.done = reachedHorizon || !page.pageInfo.hasNextPage || page.pageInfo.endCursor === null;
    // Full follow-up queries as they fill up; at the end of the connection, whatever is left.
    while (pool.waiting >= (progress.done ? 1 : MAX_FOLLOW_UPS_PER_QUERY)) await storeNodes(await pool.sendNext());
    if (horizon && oldest) progress.fraction = progress.done ? 1 : walkedFraction(runStart, horizon, toIso(spec.timeOf(oldest)));
    checkpoint = progress.done
      ? { connection: spec.name, cursor: null, runStartedAt: null, runHorizon: null, syncedThrough: runStart, pendingNodeIds: [] }
      : { ...checkpoint, cursor: page.pageInfo.endCursor, pendingNodeIds: pool.heldIds() };
    await store.saveBackfillCheckpoint(installationId, repoId, checkpoint);
    options.onPage?.({ ...progress });
    if (progress.done) return progress;
  }
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

function walkedFraction(start: string, horizon: string, reached: string): number {
  const span = Date.parse(start) - Date.parse(horizon);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (Date.parse(start) - Date.parse(reached)) / span));
}
