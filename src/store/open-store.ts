import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { ActivityMirror, MIRRORED_REPOSITORIES } from './activity-mirror.js';
import { KyselyStore } from './kysely-store.js';
import { postgresArrayRows, sqliteArrayRows } from './read-array-rows.js';
import type { Store } from './store.js';

/** The embedded database when `DATABASE_URL` is unset, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/fallacy-watch.db';

export interface OpenStoreOptions {
  /** PostgreSQL only: a schema to create and use (tests isolate themselves this way). */
  schema?: string;
  /** Pool size for PostgreSQL (default 10). */
  maxConnections?: number;
  /**
   * `false` opens the store as it is, for reading: no migrations, no schema, no folder or SQLite file created (a missing
   * file is an error). Check `migrationStatus()` before reading.
   */
  migrate?: boolean;
  /**
   * SQLite only: repositories whose rows PR check runs read are kept in memory between them (`ActivityMirror`, default
   * `MIRRORED_REPOSITORIES`); 0 keeps none.
   */
  mirrorRepositories?: number;
}

// int8 (GitHub ids, counts) as JavaScript numbers: ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/**
 * Opens the store `DATABASE_URL` names: unset → SQLite at `./data/fallacy-watch.db`; `sqlite:<path>` (or
 * `sqlite::memory:`) → that SQLite file; `postgres://…` / `postgresql://…` → PostgreSQL. Runs migrations unless
 * `migrate: false`.
 */
export async function openStore(url: string | undefined, options: OpenStoreOptions = {}): Promise<Store> {
  const store = createStore(url, options);
  if (options.migrate === false) return store;
  if (options.schema && store.backend === 'postgres') await createSchema(url!, options.schema);
  await store.migrate();
  return store;
}

function createStore(url: string | undefined, options: OpenStoreOptions): KyselyStore {
  if (!url || url.startsWith('sqlite:')) {
    const path = url ? url.slice('sqlite:'.length) : DEFAULT_SQLITE_PATH;
    const asItIs = options.migrate === false;
    if (path !== ':memory:' && !asItIs) mkdirSync(dirname(resolve(path)), { recursive: true });
    const database = new SQLite(path, { fileMustExist: asItIs && path !== ':memory:' });
    // WAL is recorded in the file: a store opened as it is keeps the mode it was created with.
    if (!asItIs) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    const rows = sqliteArrayRows(database);
    const kept = options.mirrorRepositories ?? MIRRORED_REPOSITORIES;
    const mirror = kept > 0 ? new ActivityMirror(db, () => database.pragma('data_version', { simple: true }) as number, kept) : undefined;
    return new KyselyStore(db, 'sqlite', rows, undefined, mirror);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
    });
    // A client whose connection dies (a PostgreSQL restart, `pg_terminate_backend`: 57P01) emits 'error': an idle one
    // on the pool, one checked out (mid-query) on itself, where pg attaches no listener. Unhandled, either would end
    // the process. The query in flight rejects instead (its unit of work is retried: the webhook within GitHub's
    // deadline, a job by the queue), pg drops the broken client and the next query connects again.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    return new KyselyStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres', postgresArrayRows(pool), options.schema);
  }
  throw new Error(`DATABASE_URL must start with sqlite:, postgres:// or postgresql:// (got "${url.split(':')[0]}:…")`);
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name "${name}"`);
  return `"${name}"`;
}
