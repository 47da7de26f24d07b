import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

/** Runs a compiled query and returns its rows as arrays of column values, in select order. */
export interface ReadArrayRows {
  (query: CompiledQuery): Promise<unknown[][]>;
  /**
   * The rows mapped by `map` as they come, in order. SQLite hands them over one at a time, so no array holds every
   * row's values while the records are made: a report's hundred thousand row arrays die young instead of being
   * copied by the garbage collector alongside the records that outlive them.
   */
  mapped<R>(query: CompiledQuery, map: (values: unknown[]) => R): Promise<R[]>;
}

/** better-sqlite3's raw mode: rows come back as arrays, with no object per row. */
export function sqliteArrayRows(database: SQLite.Database): ReadArrayRows {
  const statement = (query: CompiledQuery) => database.prepare(query.sql).raw(true);
  return Object.assign(async (query: CompiledQuery) => statement(query).all(...(query.parameters as unknown[])) as unknown[][], {
    mapped: async <R>(query: CompiledQuery, map: (values: unknown[]) => R): Promise<R[]> => {
      const records: R[] = [];
      for (const values of statement(query).iterate(...(query.parameters as unknown[]))) records.push(map(values as unknown[]));
      return records;
    },
  });
}

/** node-postgres' `rowMode: 'array'`. */
export function postgresArrayRows(pool: pg.Pool): ReadArrayRows {
  const rows = async (query: CompiledQuery) =>
    (await pool.query({ text: query.sql, values: query.parameters as unknown[], rowMode: 'array' })).rows as unknown[][];
  return Object.assign(rows, {
    mapped: async <R>(query: CompiledQuery, map: (values: unknown[]) => R): Promise<R[]> => (await rows(query)).map(map),
  });
}
