import type { Kysely } from 'kysely';

/**
 * Repositories removed from an installation (`installation_repositories` `removed`) are remembered, as uninstalled
 * installations are (0006): a late or redelivered delivery stores nothing of them again, until they are added back.
 * `deliveries.repo_id` names the repository a delivery is about, so a removal can blank its stored payloads too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('removed_repositories')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('removed_repositories_pk', ['installation_id', 'repo_id'])
    .execute();
  await db.schema.alterTable('deliveries').addColumn('repo_id', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('repo_id').execute();
  await db.schema.dropTable('removed_repositories').execute();
}
