import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

/**
 * Runs a compiled query and returns its rows as arrays of column values, in select order. `mixesTypes`: one column
 * may return numbers on some rows and text on others (SQLite), so a reader may select a code for a text value.
 */
export interface ReadArrayRows {
  (query: CompiledQuery): Promise<unknown[][]>;
  readonly mixesTypes: boolean;
}

/** better-sqlite3's raw mode: rows come back as arrays, with no object per row. */
export function sqliteArrayRows(database: SQLite.Database): ReadArrayRows {
  const rows = async (query: CompiledQuery) => database.prepare(query.sql).raw(true).all(...(query.parameters as unknown[])) as unknown[][];
  return Object.assign(rows, { mixesTypes: true });
}

/** node-postgres' `rowMode: 'array'`. */
export function postgresArrayRows(pool: pg.Pool): ReadArrayRows {
  const rows = async (query: CompiledQuery) =>
    (await pool.query({ text: query.sql, values: query.parameters as unknown[], rowMode: 'array' })).rows as unknown[][];
  return Object.assign(rows, { mixesTypes: false });
}
