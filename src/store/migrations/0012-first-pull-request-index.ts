import type { Kysely } from 'kysely';

/**
 * Authors' first PRs are ranked per author in creation order (`readHistory`); the index that orders them now holds the
 * association each PR was opened with too, so the ranking reads the index alone instead of looking every PR of the
 * repository up in the table (on SQLite a 100k-PR ranking cost a quarter of a report's read). It replaces 0004's
 * `pull_requests_by_author`, whose leading columns it keeps (the narrow read's `author IN (…)` still uses it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('pull_requests_by_author_first')
    .on('pull_requests')
    .columns(['installation_id', 'repo_id', 'author', 'created_at', 'number', 'opened_author_association'])
    .execute();
  await db.schema.dropIndex('pull_requests_by_author').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('pull_requests_by_author').on('pull_requests').columns(['installation_id', 'repo_id', 'author', 'created_at', 'number']).execute();
  await db.schema.dropIndex('pull_requests_by_author_first').ifExists().execute();
}
