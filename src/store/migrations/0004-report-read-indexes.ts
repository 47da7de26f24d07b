import type { Kysely } from 'kysely';

/**
 * Indexes for reading a report's horizon (see `readActivity`): comments, reviews and timeline events (of given kinds)
 * from a time on, the older ones of given items, every author's first PRs in creation order, and who was active in a
 * time range (the `author` columns make those scans index-only).
 */
const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  ['comments_by_time', 'comments', ['installation_id', 'repo_id', 'created_at', 'author']],
  ['comments_by_item', 'comments', ['installation_id', 'repo_id', 'item_number']],
  ['timeline_events_by_kind_and_time', 'timeline_events', ['installation_id', 'repo_id', 'kind', 'at']],
  ['reviews_by_time', 'reviews', ['installation_id', 'repo_id', 'submitted_at', 'author']],
  ['reviews_by_pull_request', 'reviews', ['installation_id', 'repo_id', 'pr_number']],
  ['pull_requests_by_author', 'pull_requests', ['installation_id', 'repo_id', 'author', 'created_at', 'number']],
  ['pull_requests_by_creation', 'pull_requests', ['installation_id', 'repo_id', 'created_at', 'author']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
