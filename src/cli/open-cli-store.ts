import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SQLITE_PATH, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { CliError } from './cli-error.js';

/** `--database <url>` for commands that read or write the store; defaults to `DATABASE_URL`, then embedded SQLite. */
export const DATABASE_OPTION = ['--database <url>', 'store URL (sqlite:<path> or postgres://…); default $DATABASE_URL, else ./data/fallacy-watch.db'] as const;

/** How a command uses the store: a read-only command never creates one. */
export interface CliStoreOptions {
  readOnly?: boolean;
  /** Writes to the store only if it exists (`report --token` keeps search answers): never creates one either. */
  mustExist?: boolean;
}

/**
 * Opens the store a CLI command names, runs `use`, and always closes it. A read-only command given an SQLite store
 * that does not exist fails with one line instead of creating an empty database as a side effect.
 */
export async function withCliStore<T>(databaseUrl: string | undefined, options: CliStoreOptions, use: (store: Store) => Promise<T>): Promise<T> {
  const url = databaseUrl ?? process.env.DATABASE_URL;
  if (url !== undefined && !/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(url)) {
    throw new CliError(`--database must start with sqlite:, postgres:// or postgresql:// (got "${url}")`);
  }
  if (options.readOnly || options.mustExist) {
    const path = url === undefined ? DEFAULT_SQLITE_PATH : url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : null;
    if (path !== null && path !== ':memory:' && !existsSync(path)) {
      throw new CliError(`no store at ${resolve(path)}: ingest deliveries with replay or run backfill first, or pass --database`);
    }
  }
  const store = await openStore(url);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
