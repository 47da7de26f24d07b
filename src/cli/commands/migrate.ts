import { DATABASE_OPTION, storeLocation, withCliStore } from '../open-cli-store.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch migrate` creates the store's tables, or brings an older store up to this version, and says which
 * migration it is at. Commands that write (`replay`, `backfill`, `web`, `worker`, …) do the same on start; read-only
 * ones (`report`, `deliveries dead`) refuse a store that is missing or older and point here.
 */
export const registerMigrateCommand: RegisterCommand = (program) => {
  program
    .command('migrate')
    .description('create the store, or bring an older one up to this version')
    .option(...DATABASE_OPTION)
    .action(async (options: { database?: string }) => {
      const url = options.database ?? process.env.DATABASE_URL;
      const { applied } = await withCliStore(url, {}, (store) => store.migrationStatus());
      console.log(`${storeLocation(url)}: at migration ${applied.at(-1)} (${applied.length} applied)`);
    });
};
