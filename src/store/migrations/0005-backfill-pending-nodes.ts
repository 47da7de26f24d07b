import type { Kysely } from 'kysely';

/**
 * Nodes a backfill holds back at its checkpoint: the ids (a JSON array) of PRs, issues or releases read from pages
 * already walked whose follow-up pages were not answered yet, so a resumed run fetches them again by id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('backfill_checkpoints').addColumn('pending_node_ids', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('backfill_checkpoints').dropColumn('pending_node_ids').execute();
}
