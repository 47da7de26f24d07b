import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

/** Runs a compiled query and returns its rows as arrays of column values, in select order. */
export type ReadArrayRows = (query: CompiledQuery) => Promise<unknown[][]>;

/** better-sqlite3's raw mode: rows come back as arrays, with no object per row. */
export function sqliteArrayRows(database: SQLite.Database): ReadArrayRows {
  return async (query) => database.prepare(query.sql).raw(true).all(...(query.parameters as unknown[])) as unknown[][];
}

/** node-postgres' `rowMode: 'array'`. */
export function postgresArrayRows(pool: pg.Pool): ReadArrayRows {
  return async (query) => (await pool.query({ text: query.sql, values: query.parameters as unknown[], rowMode: 'array' })).rows as unknown[][];
}
