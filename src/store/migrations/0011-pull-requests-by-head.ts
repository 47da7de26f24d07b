import type { Kysely } from 'kysely';

/**
 * A check suite or check run re-run names a head commit: the open pull requests whose head it is are found along this
 * index (`Store.findOpenPullRequestsByHead`) instead of reading the repository's stored history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('pull_requests_by_head').on('pull_requests').columns(['installation_id', 'repo_id', 'head_sha']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pull_requests_by_head').ifExists().execute();
}
