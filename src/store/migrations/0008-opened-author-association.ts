import type { Kysely } from 'kysely';

/**
 * First-time contributors beyond the imported history (issue 18):
 * - `pull_requests.opened_author_association`: GitHub's `author_association` as the `opened` webhook gave it (`null`
 *   for PRs whose opening was not seen, such as backfilled ones);
 * - `author_first_pull_requests`: the number of an author's earliest PR in the repository as GitHub's search gave it
 *   (`null`: the search found none), looked up once per author when the stored history cannot tell.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pull_requests').addColumn('opened_author_association', 'text').execute();
  await db.schema
    .createTable('author_first_pull_requests')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('first_number', 'integer')
    .addColumn('looked_up_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('author_first_pull_requests_pk', ['installation_id', 'repo_id', 'author'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('author_first_pull_requests').execute();
  await db.schema.alterTable('pull_requests').dropColumn('opened_author_association').execute();
}
