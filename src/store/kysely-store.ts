import { type Kysely, Migrator, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { AuthorFirstPullRequest, RepositoryActivity, RepositoryRecord } from '../core/records.js';
import type { RecordBatch, Tombstone } from '../ingest/record-batch.js';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/index.js';
import { readActivity, readItemKeys } from './read-activity.js';
import type { ReadArrayRows } from './read-array-rows.js';
import type { ActivityMirror } from './activity-mirror.js';
import {
  commentToRow,
  contributorToRow,
  eventToRow,
  issueToRow,
  milestoneToRow,
  pullRequestToRow,
  releaseToRow,
  repositoryToRow,
  reviewToRow,
  rowToContributor,
  rowToMilestone,
  rowToRelease,
  rowToRepository,
} from './row-mapping.js';
import type { ActivityItemKeys, ApplyBatchOptions, ApplyBatchResult, BackfillCheckpoint, Delivery, DeliveryStatus, LoadActivityOptions, MigrationStatus, PullRequestFiles, RecordDeliveryResult, Store, StoredDelivery } from './store.js';
import { readDeliveryEnvelope } from '../core/read-delivery-envelope.js';

/** Tables holding an installation's records, purged on uninstall. */
const RECORD_TABLES = [
  'repositories',
  'pull_requests',
  'issues',
  'reviews',
  'comments',
  'timeline_events',
  'milestones',
  'releases',
  'contributors',
  'pull_request_files',
  'author_first_pull_requests',
  'tombstones',
  'backfill_checkpoints',
] as const;

/** Rows per INSERT statement (SQLite allows 32,766 bound variables; PRs have 26 columns). */
const CHUNK = 500;

/** The row an `INSERT … ON CONFLICT` proposed (`excluded.column`), in both dialects. */
const excluded = (column: string) => sql.ref<any>(`excluded.${column}`);

/** The store over kysely; SQL is portable between SQLite and PostgreSQL (`ON CONFLICT … DO UPDATE … WHERE`). */
export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly backend: 'sqlite' | 'postgres',
    /** Runs large reads returning arrays (see `readActivity`). */
    private readonly arrayRows: ReadArrayRows,
    /** PostgreSQL schema holding the tables (kysely's migrator must be told; it looks across schemas otherwise). */
    private readonly schema?: string,
    /** SQLite: the rows PR check runs read, kept between them and told of every write here (see `ActivityMirror`). */
    private readonly mirror?: ActivityMirror,
  ) {}

  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({
      db: this.db,
      provider: migrationProvider,
      ...(this.schema ? { migrationTableSchema: this.schema } : {}),
    }).migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }

  async migrationStatus(): Promise<MigrationStatus> {
    // Without a schema of its own, PostgreSQL's tables are in the connection's current schema; kysely's migrator must
    // be told, or a migration table in any other schema of the database would count.
    const schema = this.schema ?? (this.backend === 'postgres' ? (await sql<{ schema: string | null }>`SELECT current_schema() AS schema`.execute(this.db)).rows[0]?.schema : undefined);
    const migrations = await new Migrator({
      db: this.db,
      provider: migrationProvider,
      ...(schema ? { migrationTableSchema: schema } : {}),
    }).getMigrations();
    return {
      applied: migrations.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name),
      pending: migrations.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async recordDelivery(delivery: Delivery, receivedAt: string): Promise<RecordDeliveryResult> {
    const envelope = readDeliveryEnvelope(delivery.payload);
    const inserted = await this.db
      .insertInto('deliveries')
      .values({
        id: delivery.id,
        name: delivery.name,
        action: envelope.action ?? null,
        installation_id: envelope.installationId ?? null,
        repo_id: envelope.repository?.id ?? null,
        received_at: receivedAt,
        status: 'pending',
        error: null,
        payload: JSON.stringify(delivery.payload ?? null),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { outcome: 'new' };
    const existing = await this.db.selectFrom('deliveries').select('status').where('id', '=', delivery.id).executeTakeFirstOrThrow();
    return { outcome: 'duplicate', status: existing.status };
  }

  async finishDelivery(id: string, status: Exclude<DeliveryStatus, 'pending'>, error?: string): Promise<void> {
    // A finished delivery's payload (comment bodies and all) is no longer needed: only failed and dead ones keep it,
    // for diagnosis and retry.
    const payload = status === 'failed' || status === 'dead' ? {} : { payload: 'null' };
    await this.db.updateTable('deliveries').set({ status, error: error ?? null, ...payload }).where('id', '=', id).execute();
  }

  async listPendingDeliveries(limit: number): Promise<StoredDelivery[]> {
    const rows = await this.db
      .selectFrom('deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toStoredDelivery);
  }

  async getDelivery(id: string): Promise<StoredDelivery | undefined> {
    const row = await this.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStoredDelivery(row);
  }

  async startDeliveryAttempt(id: string): Promise<StoredDelivery | undefined> {
    const row = await this.db
      .updateTable('deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning(['id', 'name', 'action', 'installation_id', 'received_at', 'status', 'error', 'payload', 'attempts'])
      .executeTakeFirst();
    return row && toStoredDelivery(row);
  }

  async noteDeliveryFailure(id: string, reason: string): Promise<void> {
    await this.db.updateTable('deliveries').set({ error: reason }).where('id', '=', id).where('status', '=', 'pending').execute();
  }

  async listDeadDeliveries(limit: number): Promise<StoredDelivery[]> {
    const rows = await this.db
      .selectFrom('deliveries')
      .select(['id', 'name', 'action', 'installation_id', 'received_at', 'status', 'error', 'attempts'])
      .where('status', 'in', ['dead', 'failed'])
      .orderBy('status')
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => toStoredDelivery({ ...row, payload: 'null' }));
  }

  async countDeadDeliveries(): Promise<{ dead: number; failed: number }> {
    const rows = await this.db
      .selectFrom('deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', 'in', ['dead', 'failed'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    return { dead: count('dead'), failed: count('failed') };
  }

  async retryDelivery(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('deliveries')
      .set({ status: 'pending', attempts: 0, error: null })
      .where('id', '=', id)
      .where('status', 'in', ['dead', 'failed'])
      .where('payload', '!=', 'null')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async isInstallationUninstalled(installationId: number): Promise<boolean> {
    const row = await this.db.selectFrom('uninstalled_installations').select('installation_id').where('installation_id', '=', installationId).executeTakeFirst();
    return row !== undefined;
  }

  async applyBatch(whole: RecordBatch, options: ApplyBatchOptions = {}): Promise<ApplyBatchResult> {
    // Told before (a read while the transaction is open must not keep its rows) and after (whatever it committed).
    this.mirror?.forget(whole);
    try {
      return await this.applyBatchNow(whole, options);
    } finally {
      this.mirror?.forget(whole);
    }
  }

  private applyBatchNow(whole: RecordBatch, options: ApplyBatchOptions): Promise<ApplyBatchResult> {
    return this.db.transaction().execute(async (trx) => {
      const installationId = whole.installationId;
      const repoIds = listBatchRepositories(whole);
      const exclusions = await readExclusions(trx, installationId, repoIds);
      if (exclusions.uninstalled) return { skipped: `installation ${installationId} was uninstalled` };
      if (repoIds.length > 0 && repoIds.every((id) => exclusions.removed.has(id))) {
        return { skipped: `repositories ${repoIds.join(', ')} were removed from installation ${installationId}` };
      }
      const batch = exclusions.removed.size === 0 ? whole : leaveOutRepositories(whole, exclusions.removed);
      await upsertRepositories(trx, batch);
      const tombstoned = await applyTombstones(trx, batch);
      const alive = (kind: Tombstone['kind'], repoId: number, key: number) => !tombstoned.has(`${repoId}:${kind}:${key}`);
      await upsertPullRequests(trx, batch);
      await upsertNewer(
        trx,
        'issues',
        ['installation_id', 'repo_id', 'number'],
        batch.issues.filter((i) => alive('issue', i.repoId, i.number)).map((i) => issueToRow(installationId, i)),
      );
      await upsertNewer(trx, 'reviews', ['installation_id', 'repo_id', 'id'], batch.reviews.map((r) => reviewToRow(installationId, r)));
      await upsertNewer(
        trx,
        'comments',
        ['installation_id', 'repo_id', 'kind', 'id'],
        batch.comments
          .filter((c) => alive(c.kind === 'issue' ? 'issue-comment' : 'review-comment', c.repoId, c.id))
          .map((c) => commentToRow(installationId, c)),
      );
      await upsertNewer(
        trx,
        'milestones',
        ['installation_id', 'repo_id', 'number'],
        batch.milestones.filter((m) => alive('milestone', m.repoId, m.number)).map((m) => milestoneToRow(installationId, m)),
      );
      await upsertNewer(
        trx,
        'releases',
        ['installation_id', 'repo_id', 'id'],
        batch.releases.filter((r) => alive('release', r.repoId, r.id)).map((r) => releaseToRow(installationId, r)),
      );
      await insertEvents(trx, batch);
      await upsertContributors(trx, batch);
      if (options.finishDelivery !== undefined) await finishProcessed(trx, options.finishDelivery);
      return {};
    });
  }

  async purgeInstallation(installationId: number, at = new Date().toISOString()): Promise<void> {
    this.mirror?.dropInstallation(installationId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('uninstalled_installations')
        .values({ installation_id: installationId, uninstalled_at: at })
        .onConflict((oc) => oc.column('installation_id').doNothing())
        .execute();
      for (const table of RECORD_TABLES) {
        await trx.deleteFrom(table).where('installation_id', '=', installationId).execute();
      }
      await trx.updateTable('deliveries').set({ payload: 'null' }).where('installation_id', '=', installationId).execute();
    });
  }

  async purgeRepositories(installationId: number, repoIds: readonly number[], at = new Date().toISOString()): Promise<void> {
    if (repoIds.length === 0) return;
    for (const repoId of repoIds) this.mirror?.dropRepository(installationId, repoId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('removed_repositories')
        .values(repoIds.map((repoId) => ({ installation_id: installationId, repo_id: repoId, removed_at: at })))
        .onConflict((oc) => oc.columns(['installation_id', 'repo_id']).doNothing())
        .execute();
      for (const table of RECORD_TABLES) {
        await trx
          .deleteFrom(table)
          .where('installation_id', '=', installationId)
          .where('repo_id', 'in', [...repoIds])
          .execute();
      }
      await trx
        .updateTable('deliveries')
        .set({ payload: 'null' })
        .where('installation_id', '=', installationId)
        .where('repo_id', 'in', [...repoIds])
        .execute();
    });
  }

  async restoreRepositories(installationId: number, repoIds: readonly number[]): Promise<void> {
    if (repoIds.length === 0) return;
    await this.db.deleteFrom('removed_repositories').where('installation_id', '=', installationId).where('repo_id', 'in', [...repoIds]).execute();
  }

  async findRepositories(fullName: string): Promise<RepositoryRecord[]> {
    const rows = await this.db
      .selectFrom('repositories')
      .selectAll()
      .where(sql<string>`lower(full_name)`, '=', fullName.toLowerCase())
      .orderBy('installation_id')
      .execute();
    return rows.map(rowToRepository);
  }

  async findRepositoriesOfOwner(owner: string): Promise<RepositoryRecord[]> {
    const prefix = `${owner.toLowerCase()}/`;
    const rows = await this.db
      .selectFrom('repositories')
      .selectAll()
      .where(sql<string>`substr(lower(full_name), 1, ${prefix.length})`, '=', prefix)
      .orderBy('installation_id')
      .orderBy('full_name')
      .execute();
    return rows.map(rowToRepository);
  }

  async listRepositories(installationId: number): Promise<RepositoryRecord[]> {
    const rows = await this.db
      .selectFrom('repositories')
      .selectAll()
      .where('installation_id', '=', installationId)
      .orderBy('full_name')
      .execute();
    return rows.map(rowToRepository);
  }

  async loadActivity(
    installationId: number,
    repoId: number,
    options: LoadActivityOptions = {},
  ): Promise<RepositoryActivity | undefined> {
    return readActivity(this.db, this.arrayRows, installationId, repoId, options, this.mirror);
  }

  async loadActivityItemKeys(installationId: number, repoId: number, since: string): Promise<ActivityItemKeys | undefined> {
    return readItemKeys(this.db, this.arrayRows, installationId, repoId, since, this.mirror);
  }

  async savePullRequestFiles(
    installationId: number,
    repoId: number,
    prNumber: number,
    headSha: string,
    paths: readonly string[],
  ): Promise<void> {
    await this.savePullRequestFilesBatch(installationId, repoId, [{ prNumber, headSha, paths }]);
  }

  async savePullRequestFilesBatch(installationId: number, repoId: number, files: readonly PullRequestFiles[]): Promise<void> {
    if (files.length === 0) return;
    // The last entry of a PR wins, as successive single saves would; one INSERT must not touch a row twice.
    const rows = [...new Map(files.map((entry) => [entry.prNumber, entry])).values()].map((entry) => ({
      installation_id: installationId,
      repo_id: repoId,
      pr_number: entry.prNumber,
      head_sha: entry.headSha,
      paths: JSON.stringify(entry.paths),
    }));
    const write = async (db: Kysely<Database>) => {
      const exclusions = await readExclusions(db, installationId, [repoId]);
      if (exclusions.uninstalled || exclusions.removed.size > 0) return;
      for (const chunk of chunks(rows)) {
        await db
          .insertInto('pull_request_files')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['installation_id', 'repo_id', 'pr_number']).doUpdateSet({ head_sha: excluded('head_sha'), paths: excluded('paths') }),
          )
          .execute();
      }
    };
    // Told before and after, as for a batch: the files of these PRs are read again.
    const prNumbers = rows.map((row) => row.pr_number);
    this.mirror?.forgetItems(installationId, repoId, { pullRequests: prNumbers, issues: [] });
    try {
      // One statement needs no transaction of its own (a single save stays one round trip after the exclusions).
      if (rows.length <= CHUNK) await write(this.db);
      else await this.db.transaction().execute(write);
    } finally {
      this.mirror?.forgetItems(installationId, repoId, { pullRequests: prNumbers, issues: [] });
    }
  }

  async saveAuthorFirstPullRequests(installationId: number, repoId: number, entries: readonly AuthorFirstPullRequest[]): Promise<void> {
    const exclusions = await readExclusions(this.db, installationId, [repoId]);
    if (exclusions.uninstalled || exclusions.removed.size > 0) return;
    const authors = entries.map((entry) => entry.author);
    this.mirror?.forgetAuthors(installationId, repoId, authors);
    for (const chunk of chunks([...new Map(entries.map((entry) => [entry.author, entry])).values()])) {
      await this.db
        .insertInto('author_first_pull_requests')
        .values(
          chunk.map((entry) => ({
            installation_id: installationId,
            repo_id: repoId,
            author: entry.author,
            first_number: entry.firstNumber,
            looked_up_at: entry.lookedUpAt,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['installation_id', 'repo_id', 'author'])
            .doUpdateSet({ first_number: excluded('first_number'), looked_up_at: excluded('looked_up_at') }),
        )
        .execute();
    }
    this.mirror?.forgetAuthors(installationId, repoId, authors);
  }

  async findOpenPullRequestsByHead(installationId: number, repoId: number, headSha: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('pull_requests')
      .select('number')
      .where('installation_id', '=', installationId)
      .where('repo_id', '=', repoId)
      .where('head_sha', '=', headSha)
      .where('state', '=', 'open')
      .orderBy('number')
      .execute();
    return rows.map((row) => Number(row.number));
  }

  async loadPullRequestFileHeads(installationId: number, repoId: number, prNumbers: readonly number[]): Promise<Map<number, string>> {
    if (prNumbers.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('pull_request_files')
      .select(['pr_number', 'head_sha'])
      .where('installation_id', '=', installationId)
      .where('repo_id', '=', repoId)
      .where('pr_number', 'in', [...prNumbers])
      .execute();
    return new Map(rows.map((row) => [Number(row.pr_number), row.head_sha]));
  }

  async getBackfillCheckpoint(installationId: number, repoId: number, connection: string): Promise<BackfillCheckpoint | undefined> {
    const row = await this.db
      .selectFrom('backfill_checkpoints')
      .selectAll()
      .where('installation_id', '=', installationId)
      .where('repo_id', '=', repoId)
      .where('connection', '=', connection)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      connection: row.connection,
      cursor: row.cursor,
      runStartedAt: row.run_started_at,
      runHorizon: row.run_horizon,
      syncedThrough: row.synced_through,
      pendingNodeIds: row.pending_node_ids ? (JSON.parse(row.pending_node_ids) as string[]) : [],
    };
  }

  async saveBackfillCheckpoint(installationId: number, repoId: number, checkpoint: BackfillCheckpoint): Promise<void> {
    const exclusions = await readExclusions(this.db, installationId, [repoId]);
    if (exclusions.uninstalled || exclusions.removed.size > 0) return;
    const values = {
      cursor: checkpoint.cursor,
      run_started_at: checkpoint.runStartedAt,
      run_horizon: checkpoint.runHorizon,
      synced_through: checkpoint.syncedThrough,
      pending_node_ids: checkpoint.pendingNodeIds.length > 0 ? JSON.stringify(checkpoint.pendingNodeIds) : null,
    };
    await this.db
      .insertInto('backfill_checkpoints')
      .values({ installation_id: installationId, repo_id: repoId, connection: checkpoint.connection, ...values })
      .onConflict((oc) => oc.columns(['installation_id', 'repo_id', 'connection']).doUpdateSet(values))
      .execute();
  }
}

/** Finishes a delivery as `processed` inside a writing transaction (its payload dropped, as `finishDelivery` does). */
async function finishProcessed(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.updateTable('deliveries').set({ status: 'processed', error: null, payload: 'null' }).where('id', '=', id).execute();
}

/** Whether an installation was uninstalled, and which of `repoIds` were removed from it: one round trip. */
async function readExclusions(
  db: Kysely<Database>,
  installationId: number,
  repoIds: readonly number[],
): Promise<{ uninstalled: boolean; removed: Set<number> }> {
  const uninstalled = db.selectFrom('uninstalled_installations').select(sql<number>`-1`.as('repo_id')).where('installation_id', '=', installationId);
  const rows =
    repoIds.length === 0
      ? await uninstalled.execute()
      : await uninstalled
          .unionAll(
            db
              .selectFrom('removed_repositories')
              .select('repo_id')
              .where('installation_id', '=', installationId)
              .where('repo_id', 'in', [...repoIds]),
          )
          .execute();
  const ids = rows.map((row) => Number(row.repo_id));
  return { uninstalled: ids.includes(-1), removed: new Set(ids.filter((id) => id !== -1)) };
}

/** Every repository a batch's records belong to. */
function listBatchRepositories(batch: RecordBatch): number[] {
  const ids = new Set<number>();
  for (const key of BATCH_LISTS) for (const record of batch[key]) ids.add(record.repoId);
  return [...ids];
}

const BATCH_LISTS = ['repositories', 'pullRequests', 'issues', 'reviews', 'comments', 'events', 'milestones', 'releases', 'contributors', 'tombstones'] as const;

/** The batch without the records of `removed` repositories. */
function leaveOutRepositories(batch: RecordBatch, removed: ReadonlySet<number>): RecordBatch {
  const kept = { ...batch };
  for (const key of BATCH_LISTS) (kept as Record<string, unknown>)[key] = (batch[key] as Array<{ repoId: number }>).filter((record) => !removed.has(record.repoId));
  return kept;
}

function toStoredDelivery(row: Omit<Database['deliveries'], 'attempts' | 'repo_id'> & { attempts: number }): StoredDelivery {
  return {
    id: row.id,
    name: row.name,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    receivedAt: row.received_at,
    error: row.error,
    attempts: Number(row.attempts),
  };
}

/** Keeps, per key, the row a merge would keep, so one INSERT never touches a row twice (PostgreSQL forbids that). */
function dedupe<R>(rows: R[], key: (row: R) => string, better: (a: R, b: R) => boolean): R[] {
  const byKey = new Map<string, R>();
  for (const row of rows) {
    const k = key(row);
    const current = byKey.get(k);
    if (!current || better(row, current)) byKey.set(k, row);
  }
  return [...byKey.values()];
}

function chunks<R>(rows: R[]): R[][] {
  const out: R[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

type VersionedTable = 'issues' | 'reviews' | 'comments' | 'milestones' | 'releases';

/** Inserts rows; an existing row is replaced only by a row with a greater `version`. */
async function upsertNewer<T extends VersionedTable>(
  trx: Transaction<Database>,
  table: T,
  keyColumns: Array<keyof Database[T] & string>,
  rows: Array<Database[T]>,
): Promise<void> {
  const unique = dedupe(
    rows,
    (row) => keyColumns.map((c) => String(row[c])).join(':'),
    (a, b) => a.version > b.version,
  );
  for (const chunk of chunks(unique)) {
    const first = chunk[0];
    if (!first) continue;
    const updates = Object.fromEntries(Object.keys(first).filter((c) => !(keyColumns as string[]).includes(c)).map((c) => [c, excluded(c)]));
    await trx
      .insertInto(table as 'issues')
      .values(chunk as Array<Database['issues']>)
      .onConflict((oc) =>
        oc
          .columns(keyColumns as Array<'installation_id'>)
          .doUpdateSet(updates)
          .where(excluded('version'), '>', sql.ref(`${table}.version`)),
      )
      .execute();
  }
}

type PullRequestColumn = keyof Database['pull_requests'];

/**
 * How a stored PR's column merges with a new snapshot: `key` identifies the row; `version` and `detail_version`: the
 * snapshot with the greater one wins the column (the core snapshot; the size facet only full payloads carry);
 * `sticky`: the greater value wins (set once, kept); `first-seen`: set once, never blanked, the smaller of two.
 */
type PullRequestMergeRule = 'key' | 'version' | 'detail_version' | 'sticky' | 'first-seen';

/**
 * The merge rule of every `pull_requests` column, the one list `upsertPullRequests` derives its updates from. Typed
 * over the table, so a column the table gains fails compilation until it is given a rule (none is silently never
 * updated).
 */
export const PULL_REQUEST_MERGE: { readonly [C in PullRequestColumn]: PullRequestMergeRule } = {
  installation_id: 'key',
  repo_id: 'key',
  number: 'key',
  id: 'version',
  title: 'version',
  author: 'version',
  author_type: 'version',
  author_association: 'version',
  state: 'version',
  draft: 'version',
  created_at: 'version',
  updated_at: 'version',
  closed_at: 'version',
  merged_at: 'version',
  labels: 'version',
  milestone_number: 'version',
  base_ref: 'version',
  head_ref: 'version',
  head_sha: 'version',
  version: 'version',
  additions: 'detail_version',
  deletions: 'detail_version',
  changed_files: 'detail_version',
  merged_by: 'detail_version',
  detail_version: 'detail_version',
  opened_as_draft: 'sticky',
  opened_author_association: 'first-seen',
};

const PULL_REQUEST_DETAIL_COLUMNS = (Object.keys(PULL_REQUEST_MERGE) as PullRequestColumn[]).filter(
  (column) => PULL_REQUEST_MERGE[column] === 'detail_version',
);

function copyColumn<R, C extends keyof R>(target: R, source: R, column: C): void {
  target[column] = source[column];
}

/**
 * PRs merge per facet: the core snapshot by `version`, the size facet by `detail_version` (only full payloads carry
 * sizes), and `opened_as_draft` is sticky once any delivery saw the PR opened as a draft. `opened_author_association`
 * is set by the `opened` delivery and never blanked by later ones (two different values keep the smaller, so the
 * result does not depend on arrival order).
 */
async function upsertPullRequests(trx: Transaction<Database>, batch: RecordBatch): Promise<void> {
  const rows = batch.pullRequests.map((pr) => pullRequestToRow(batch.installationId, pr));
  const merged = new Map<string, Database['pull_requests']>();
  for (const row of rows) {
    const key = `${row.repo_id}:${row.number}`;
    const current = merged.get(key);
    if (!current) {
      merged.set(key, row);
      continue;
    }
    const core = row.version > current.version ? row : current;
    const detail = row.detail_version > current.detail_version ? row : current;
    const next = { ...core };
    for (const column of PULL_REQUEST_DETAIL_COLUMNS) copyColumn(next, detail, column);
    next.opened_as_draft = Math.max(row.opened_as_draft, current.opened_as_draft);
    next.opened_author_association = firstAssociation(row.opened_author_association, current.opened_author_association);
    merged.set(key, next);
  }
  const openedAssociationWins = sql`${excluded('opened_author_association')} IS NOT NULL AND (${sql.ref('pull_requests.opened_author_association')} IS NULL OR ${excluded('opened_author_association')} < ${sql.ref('pull_requests.opened_author_association')})`;
  const pick = (column: string, versionColumn: string) =>
    sql<any>`CASE WHEN ${excluded(versionColumn)} > ${sql.ref(`pull_requests.${versionColumn}`)} THEN ${excluded(column)} ELSE ${sql.ref(`pull_requests.${column}`)} END`;
  const updates: Partial<Record<PullRequestColumn, RawBuilder<any>>> = {};
  for (const [column, rule] of Object.entries(PULL_REQUEST_MERGE) as Array<[PullRequestColumn, PullRequestMergeRule]>) {
    if (rule === 'key') continue;
    updates[column] =
      rule === 'first-seen'
        ? sql<any>`CASE WHEN ${openedAssociationWins} THEN ${excluded(column)} ELSE ${sql.ref(`pull_requests.${column}`)} END`
        : pick(column, rule === 'sticky' ? column : rule);
  }
  for (const chunk of chunks([...merged.values()])) {
    await trx
      .insertInto('pull_requests')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['installation_id', 'repo_id', 'number'])
          .doUpdateSet(updates)
          .where((eb) =>
            eb.or([
              eb(excluded('version'), '>', sql.ref('pull_requests.version')),
              eb(excluded('detail_version'), '>', sql.ref('pull_requests.detail_version')),
              eb(excluded('opened_as_draft'), '>', sql.ref('pull_requests.opened_as_draft')),
              sql<boolean>`${openedAssociationWins}`,
            ]),
          ),
      )
      .execute();
  }
}

/** The association at opening of two snapshots of one PR: the one that is set, the smaller of two. */
function firstAssociation(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * Repositories: a full snapshot (with a default branch) fills what a minimal one (installation payloads) lacks;
 * a minimal one never blanks a known default branch.
 */
async function upsertRepositories(trx: Transaction<Database>, batch: RecordBatch): Promise<void> {
  const rows = dedupe(
    batch.repositories.map(repositoryToRow),
    (row) => String(row.repo_id),
    (a, b) => a.default_branch > b.default_branch,
  );
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('repositories')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['installation_id', 'repo_id']).doUpdateSet({
          full_name: sql<string>`CASE WHEN ${excluded('default_branch')} <> '' THEN ${excluded('full_name')} ELSE ${sql.ref('repositories.full_name')} END`,
          private: sql<number>`CASE WHEN ${excluded('default_branch')} <> '' THEN ${excluded('private')} ELSE ${sql.ref('repositories.private')} END`,
          default_branch: sql<string>`CASE WHEN ${excluded('default_branch')} > ${sql.ref('repositories.default_branch')} THEN ${excluded('default_branch')} ELSE ${sql.ref('repositories.default_branch')} END`,
          archived: sql<number | null>`COALESCE(${excluded('archived')}, ${sql.ref('repositories.archived')})`,
          fork: sql<number | null>`COALESCE(${excluded('fork')}, ${sql.ref('repositories.fork')})`,
        }),
      )
      .execute();
  }
}

/**
 * Records the batch's tombstones, deletes what they bury, and returns every tombstone (`repo:kind:key`) that buries a
 * record of this batch, so buried records are not written again whatever order deliveries arrive in.
 */
async function applyTombstones(trx: Transaction<Database>, batch: RecordBatch): Promise<Set<string>> {
  const installationId = batch.installationId;
  for (const stone of batch.tombstones) {
    await trx
      .insertInto('tombstones')
      .values({ installation_id: installationId, repo_id: stone.repoId, kind: stone.kind, key: stone.key })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const inRepo = sql<SqlBool>`(installation_id = ${installationId} AND repo_id = ${stone.repoId})`;
    if (stone.kind === 'issue') await trx.deleteFrom('issues').where(inRepo).where('number', '=', stone.key).execute();
    if (stone.kind === 'milestone') await trx.deleteFrom('milestones').where(inRepo).where('number', '=', stone.key).execute();
    if (stone.kind === 'release') await trx.deleteFrom('releases').where(inRepo).where('id', '=', stone.key).execute();
    if (stone.kind === 'issue-comment' || stone.kind === 'review-comment') {
      const kind = stone.kind === 'issue-comment' ? 'issue' : 'review';
      await trx.deleteFrom('comments').where(inRepo).where('kind', '=', kind).where('id', '=', stone.key).execute();
    }
  }
  const repoIds = new Set([...batch.issues, ...batch.milestones, ...batch.releases, ...batch.comments].map((r) => r.repoId));
  if (repoIds.size === 0) return new Set();
  // Deletions are rare: reading a repository's tombstones is cheaper (and has no bound-variable limit) than asking
  // for every key of a large batch.
  const rows = await trx
    .selectFrom('tombstones')
    .select(['repo_id', 'kind', 'key'])
    .where('installation_id', '=', installationId)
    .where('repo_id', 'in', [...repoIds])
    .execute();
  return new Set(rows.map((row) => `${Number(row.repo_id)}:${row.kind}:${Number(row.key)}`));
}

/** Timeline events are a set keyed by their content; a second sighting changes nothing. */
async function insertEvents(trx: Transaction<Database>, batch: RecordBatch): Promise<void> {
  const rows = dedupe(
    batch.events.map((event) => eventToRow(batch.installationId, event)),
    (row) => [row.repo_id, row.item_kind, row.item_number, row.kind, row.subject, row.at].join(':'),
    (a, b) => (a.actor ?? '') > (b.actor ?? ''),
  );
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('timeline_events')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['installation_id', 'repo_id', 'item_kind', 'item_number', 'kind', 'subject', 'at'])
          .doUpdateSet({ actor: excluded('actor'), subject_type: excluded('subject_type') })
          .where(sql<SqlBool>`COALESCE(${excluded('actor')}, '') > COALESCE(${sql.ref('timeline_events.actor')}, '')`),
      )
      .execute();
  }
}

/** A contributor's first-seen time is the earliest ever reported. */
async function upsertContributors(trx: Transaction<Database>, batch: RecordBatch): Promise<void> {
  const earlier = (a: Database['contributors'], b: Database['contributors']) =>
    a.first_seen_at < b.first_seen_at || (a.first_seen_at === b.first_seen_at && a.type > b.type);
  const rows = dedupe(
    batch.contributors.map((c) => contributorToRow(batch.installationId, c)),
    (row) => `${row.repo_id}:${row.login}`,
    earlier,
  );
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('contributors')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['installation_id', 'repo_id', 'login'])
          .doUpdateSet({ first_seen_at: excluded('first_seen_at'), type: excluded('type') })
          .where((eb) =>
            eb.or([
              eb(excluded('first_seen_at'), '<', sql.ref('contributors.first_seen_at')),
              eb.and([
                eb(excluded('first_seen_at'), '=', sql.ref('contributors.first_seen_at')),
                eb(excluded('type'), '>', sql.ref('contributors.type')),
              ]),
            ]),
          ),
      )
      .execute();
  }
}
