import type { Kysely } from 'kysely';

/**
 * A comment's slash commands (a JSON array of lower-case names, `[]` for an ordinary comment), read at ingest so the
 * metrics can tell `/retest` from a response and `/lgtm` from a remark without the body ever being stored. Comments
 * stored before this migration read as ordinary comments until they are backfilled or edited again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('commands', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('commands').execute();
}
