import type { Kysely } from 'kysely';

/** The first schema: deliveries, the normalized records, tombstones. `bigint` holds GitHub's 64-bit ids. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('installation_id', 'bigint')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_status').on('deliveries').columns(['status', 'received_at']).execute();

  await db.schema
    .createTable('repositories')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('default_branch', 'text', (c) => c.notNull())
    .addColumn('private', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('repositories_pk', ['installation_id', 'repo_id'])
    .execute();
  await db.schema.createIndex('repositories_full_name').on('repositories').column('full_name').execute();

  await db.schema
    .createTable('pull_requests')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_association', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('draft', 'integer', (c) => c.notNull())
    .addColumn('opened_as_draft', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('merged_at', 'text')
    .addColumn('merged_by', 'text')
    .addColumn('additions', 'integer')
    .addColumn('deletions', 'integer')
    .addColumn('changed_files', 'integer')
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('milestone_number', 'integer')
    .addColumn('base_ref', 'text', (c) => c.notNull())
    .addColumn('head_ref', 'text', (c) => c.notNull())
    .addColumn('head_sha', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('detail_version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pull_requests_pk', ['installation_id', 'repo_id', 'number'])
    .execute();

  await db.schema
    .createTable('issues')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_association', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('milestone_number', 'integer')
    .addColumn('assignees', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issues_pk', ['installation_id', 'repo_id', 'number'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('pr_number', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('commit_id', 'text')
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reviews_pk', ['installation_id', 'repo_id', 'id'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('item_number', 'integer', (c) => c.notNull())
    .addColumn('on_pull_request', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comments_pk', ['installation_id', 'repo_id', 'kind', 'id'])
    .execute();

  await db.schema
    .createTable('timeline_events')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('item_number', 'integer', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('timeline_events_pk', [
      'installation_id',
      'repo_id',
      'item_kind',
      'item_number',
      'kind',
      'subject',
      'at',
    ])
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('open_issues', 'integer', (c) => c.notNull())
    .addColumn('closed_issues', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('milestones_pk', ['installation_id', 'repo_id', 'number'])
    .execute();

  await db.schema
    .createTable('releases')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('tag_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('draft', 'integer', (c) => c.notNull())
    .addColumn('prerelease', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('asset_names', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('releases_pk', ['installation_id', 'repo_id', 'id'])
    .execute();

  await db.schema
    .createTable('contributors')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contributors_pk', ['installation_id', 'repo_id', 'login'])
    .execute();

  await db.schema
    .createTable('pull_request_files')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('pr_number', 'integer', (c) => c.notNull())
    .addColumn('head_sha', 'text', (c) => c.notNull())
    .addColumn('paths', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pull_request_files_pk', ['installation_id', 'repo_id', 'pr_number'])
    .execute();

  await db.schema
    .createTable('tombstones')
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('repo_id', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('tombstones_pk', ['installation_id', 'repo_id', 'kind', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'tombstones',
    'pull_request_files',
    'contributors',
    'releases',
    'milestones',
    'timeline_events',
    'comments',
    'reviews',
    'issues',
    'pull_requests',
    'repositories',
    'deliveries',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
