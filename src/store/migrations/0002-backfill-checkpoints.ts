import type { Kysely } from 'kysely';

/**
 * Backfill progress: per installation, repository and connection (`pullRequests`, `issues`, …), the cursor after the
 * last page stored, the run in progress (start time and horizon) and the start time of the last completed run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backfill_checkpoints')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('connection', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('run_started_at', 'text')
    .addColumn('run_horizon', 'text')
    .addColumn('synced_through', 'text')
    .addPrimaryKeyConstraint('backfill_checkpoints_pk', ['installation_id', 'repo_id', 'connection'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('backfill_checkpoints').ifExists().execute();
}
