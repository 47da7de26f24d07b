import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SQLITE_PATH, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { CliError } from './cli-error.js';

/** `--database <url>` for commands that read or write the store; defaults to `DATABASE_URL`, then embedded SQLite. */
export const DATABASE_OPTION = ['--database <url>', 'store URL (sqlite:<path> or postgres://…); default $DATABASE_URL, else ./data/fallacy-watch.db'] as const;

/** How a command uses the store: a read-only command never creates or changes one. */
export interface CliStoreOptions {
  readOnly?: boolean;
  /** Writes to the store only if it exists (`report --token` keeps search answers): never creates one either. */
  mustExist?: boolean;
}

/**
 * Opens the store a CLI command names, runs `use`, and always closes it. Commands that write migrate the store (and
 * create it). A read-only command opens it as it is and fails with one line instead: no SQLite file there, no
 * fallacy-watch tables in the database, or tables of an older version (`fallacy-watch migrate` brings them up).
 */
export async function withCliStore<T>(databaseUrl: string | undefined, options: CliStoreOptions, use: (store: Store) => Promise<T>): Promise<T> {
  const url = databaseUrl ?? process.env.DATABASE_URL;
  if (url !== undefined && !/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(url)) {
    throw new CliError(`--database must start with sqlite:, postgres:// or postgresql:// (got "${url}")`);
  }
  // A read-only command, and one that only adds to an existing store (`report --token`), never creates or migrates one.
  const asItIs = options.readOnly === true || options.mustExist === true;
  const sqlitePath = url === undefined ? DEFAULT_SQLITE_PATH : url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : null;
  if (asItIs && sqlitePath !== null && sqlitePath !== ':memory:' && !existsSync(sqlitePath)) {
    throw new CliError(`no store at ${resolve(sqlitePath)}: ingest deliveries with replay or run backfill first, or pass --database`);
  }
  const store = await openStore(url, asItIs ? { migrate: false } : {});
  try {
    if (asItIs) await ensureCurrentSchema(store, storeLocation(url));
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The one line a read-only command fails with when the store lacks this version's tables. */
async function ensureCurrentSchema(store: Store, where: string): Promise<void> {
  const { applied, pending } = await store.migrationStatus();
  if (applied.length === 0) {
    throw new CliError(`no fallacy-watch store in ${where}: ingest deliveries with replay or run backfill first, or pass --database`);
  }
  if (pending.length > 0) {
    throw new CliError(`the store in ${where} is at migration ${applied.at(-1)}, this fallacy-watch needs ${pending.at(-1)}: run fallacy-watch migrate (same --database) first`);
  }
}

/** Where a store URL (or the default) points, for messages: the SQLite file's absolute path, or the PostgreSQL URL without its password. */
export function storeLocation(url: string | undefined): string {
  if (url === undefined) return resolve(DEFAULT_SQLITE_PATH);
  if (url.startsWith('sqlite:')) return url === 'sqlite::memory:' ? url : resolve(url.slice('sqlite:'.length));
  return redactPassword(url);
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
