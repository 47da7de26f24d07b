/**
 * Table shapes as kysely sees them. Columns are portable between SQLite and PostgreSQL: integers for ids and
 * booleans (0/1), text for ISO timestamps (which sort as text) and JSON arrays. Every row carries
 * `installation_id`; the store never reads a row without filtering on it.
 */
import type { Generated } from 'kysely';

export interface DeliveriesTable {
  id: string;
  name: string;
  action: string | null;
  installation_id: number | null;
  received_at: string;
  status: 'pending' | 'processed' | 'skipped' | 'failed' | 'dead';
  error: string | null;
  payload: string;
  /** Attempts at processing it (migration 0006). */
  attempts: Generated<number>;
  /** The repository its payload names, if any (migration 0010; `null` for deliveries recorded before it). */
  repo_id: number | null;
}

export interface UninstalledInstallationsTable {
  installation_id: number;
  uninstalled_at: string;
}

/** Repositories deselected from an installation (migration 0010); a row goes when the repository is added back. */
export interface RemovedRepositoriesTable {
  installation_id: number;
  repo_id: number;
  removed_at: string;
}

interface Scoped {
  installation_id: number;
  repo_id: number;
}

export interface RepositoriesTable extends Scoped {
  full_name: string;
  default_branch: string;
  private: number;
  /** 1/0 as GitHub gave it; `null` until a full snapshot was seen (migration 0009). */
  archived: number | null;
  fork: number | null;
}

export interface PullRequestsTable extends Scoped {
  number: number;
  id: number;
  title: string;
  author: string;
  author_type: string;
  author_association: string;
  /** `author_association` of the `opened` delivery; `null` when none was seen (migration 0008). */
  opened_author_association: string | null;
  state: string;
  draft: number;
  opened_as_draft: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merged_by: string | null;
  additions: number | null;
  deletions: number | null;
  changed_files: number | null;
  labels: string;
  milestone_number: number | null;
  base_ref: string;
  head_ref: string;
  head_sha: string;
  /** Merge order of the snapshot (see merge-records.ts). */
  version: string;
  /** Merge order of the size facet (additions, deletions, changed files, merged by). */
  detail_version: string;
}

export interface IssuesTable extends Scoped {
  number: number;
  id: number;
  title: string;
  author: string;
  author_type: string;
  author_association: string;
  state: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  labels: string;
  milestone_number: number | null;
  assignees: string;
  version: string;
}

export interface ReviewsTable extends Scoped {
  id: number;
  pr_number: number;
  author: string;
  author_type: string;
  state: string;
  submitted_at: string | null;
  commit_id: string | null;
  version: string;
}

export interface CommentsTable extends Scoped {
  kind: string;
  id: number;
  item_number: number;
  on_pull_request: number;
  author: string;
  author_type: string;
  created_at: string;
  updated_at: string;
  version: string;
  /** JSON array of the comment's slash commands (`CommentRecord.commands`). */
  commands: string;
}

export interface TimelineEventsTable extends Scoped {
  item_number: number;
  item_kind: string;
  kind: string;
  actor: string | null;
  subject: string;
  subject_type: string;
  at: string;
}

export interface MilestonesTable extends Scoped {
  number: number;
  id: number;
  title: string;
  state: string;
  due_on: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  open_issues: number;
  closed_issues: number;
  version: string;
}

export interface ReleasesTable extends Scoped {
  id: number;
  tag_name: string;
  name: string | null;
  draft: number;
  prerelease: number;
  created_at: string;
  published_at: string | null;
  asset_names: string;
  version: string;
}

export interface ContributorsTable extends Scoped {
  login: string;
  type: string;
  first_seen_at: string;
}

export interface PullRequestFilesTable extends Scoped {
  pr_number: number;
  head_sha: string;
  paths: string;
}

/** An author's earliest PR in the repository as GitHub's search gave it (migration 0008). */
export interface AuthorFirstPullRequestsTable extends Scoped {
  /** The login as stored on PRs. */
  author: string;
  /** `null`: the search found no PR. */
  first_number: number | null;
  looked_up_at: string;
}

export interface TombstonesTable extends Scoped {
  kind: string;
  key: number;
}

export interface Database {
  deliveries: DeliveriesTable;
  uninstalled_installations: UninstalledInstallationsTable;
  removed_repositories: RemovedRepositoriesTable;
  repositories: RepositoriesTable;
  pull_requests: PullRequestsTable;
  issues: IssuesTable;
  reviews: ReviewsTable;
  comments: CommentsTable;
  timeline_events: TimelineEventsTable;
  milestones: MilestonesTable;
  releases: ReleasesTable;
  contributors: ContributorsTable;
  pull_request_files: PullRequestFilesTable;
  author_first_pull_requests: AuthorFirstPullRequestsTable;
  tombstones: TombstonesTable;
  backfill_checkpoints: BackfillCheckpointsTable;
}

/** Backfill progress per connection of a repository (migration 0002). */
export interface BackfillCheckpointsTable extends Scoped {
  connection: string;
  cursor: string | null;
  run_started_at: string | null;
  run_horizon: string | null;
  synced_through: string | null;
  /** JSON array of node ids held back at the cursor (migration 0005); `null` when none. */
  pending_node_ids: string | null;
}
