import type { Kysely } from 'kysely';

/**
 * Archived and forked repositories (issue 16): `repositories.archived` and `repositories.fork` as GitHub's repository
 * payloads and GraphQL give them (1/0), `null` while only a minimal snapshot (an installation payload) was seen. The
 * organisation report leaves archived and forked repositories out unless its config includes them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('repositories').addColumn('archived', 'integer').execute();
  await db.schema.alterTable('repositories').addColumn('fork', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('repositories').dropColumn('fork').execute();
  await db.schema.alterTable('repositories').dropColumn('archived').execute();
}
