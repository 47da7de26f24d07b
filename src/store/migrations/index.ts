import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as backfillCheckpoints from './0002-backfill-checkpoints.js';
import * as reportReadIndexes from './0004-report-read-indexes.js';

/** Versioned migrations, applied in name order on start. Add new ones; never edit an applied one. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-backfill-checkpoints': backfillCheckpoints,
  '0004-report-read-indexes': reportReadIndexes,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
