import type { Kysely } from 'kysely';

/**
 * `pull_requests.opened_author_association`: GitHub's `author_association` as the `opened` webhook gave it (`null`
 * for PRs whose opening was not seen, such as backfilled ones), so first-time contributors are told from what GitHub
 * said then rather than from a history that may start after the author's first PR.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pull_requests').addColumn('opened_author_association', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pull_requests').dropColumn('opened_author_association').execute();
}
