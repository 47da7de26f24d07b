import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as backfillCheckpoints from './0002-backfill-checkpoints.js';
import * as reportReadIndexes from './0004-report-read-indexes.js';
import * as backfillPendingNodes from './0005-backfill-pending-nodes.js';
import * as deadLettersAndUninstalls from './0006-dead-letters-and-uninstalls.js';
import * as commentCommands from './0007-comment-commands.js';
import * as openedAuthorAssociation from './0008-opened-author-association.js';
import * as repositoryArchivedAndFork from './0009-repository-archived-and-fork.js';
import * as removedRepositories from './0010-removed-repositories.js';
import * as pullRequestsByHead from './0011-pull-requests-by-head.js';
import * as firstPullRequestIndex from './0012-first-pull-request-index.js';

/**
 * Versioned migrations, applied in name order on start. Add new ones after the last; never edit or renumber an applied
 * one (kysely refuses a migration named before one already applied). 0003 was never released.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-backfill-checkpoints': backfillCheckpoints,
  '0004-report-read-indexes': reportReadIndexes,
  '0005-backfill-pending-nodes': backfillPendingNodes,
  '0006-dead-letters-and-uninstalls': deadLettersAndUninstalls,
  '0007-comment-commands': commentCommands,
  '0008-opened-author-association': openedAuthorAssociation,
  '0009-repository-archived-and-fork': repositoryArchivedAndFork,
  '0010-removed-repositories': removedRepositories,
  '0011-pull-requests-by-head': pullRequestsByHead,
  '0012-first-pull-request-index': firstPullRequestIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
