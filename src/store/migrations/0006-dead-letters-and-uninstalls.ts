import type { Kysely } from 'kysely';

/**
 * Dead letters and uninstalls. `deliveries.attempts` counts the attempts at processing a delivery (a delivery that
 * used them all is `dead`, keeping its payload and last error for an operator to retry); `uninstalled_installations`
 * remembers installations removed, so nothing of theirs is stored again by a late or redelivered delivery.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('uninstalled_installations')
    .addColumn('installation_id', 'bigint', (c) => c.primaryKey())
    .addColumn('uninstalled_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('uninstalled_installations').execute();
  await db.schema.alterTable('deliveries').dropColumn('attempts').execute();
}
