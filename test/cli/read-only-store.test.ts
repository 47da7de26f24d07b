import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { runMainCaptured as run } from '../helpers/run-main-captured.js';
import { TEST_POSTGRES_URL } from '../helpers/stores.js';

/** A database of this file's own on the test server (created empty, dropped at the end). */
const database = `fw_readonly_${randomBytes(4).toString('hex')}`;
const url = (() => {
  const parsed = new URL(TEST_POSTGRES_URL);
  parsed.pathname = `/${database}`;
  return parsed.toString();
})();
const LATEST = (Object.keys(await migrationProvider.getMigrations())).at(-1)!;

async function admin<T>(use: (client: pg.Client) => Promise<T>, connectionString = TEST_POSTGRES_URL): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The tables in the database, whatever their schema. */
const tables = () =>
  admin(async (client) => (await client.query<{ name: string }>(`SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`)).rows.map((row) => row.name), url);

const READ_ONLY_COMMANDS = [
  ['report', 'acme/widgets', '--database', url],
  ['report', '--org', 'acme', '--json', '--database', url],
  ['deliveries', 'dead', '--database', url],
];

describe('read-only commands on PostgreSQL open the store as it is', () => {
  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${database}`));
  });
  afterAll(async () => {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it.each(READ_ONLY_COMMANDS)('%s %s … on an empty database: one line, exit 1, no table created', async (...args) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`fallacy-watch: no fallacy-watch store in ${url}: ingest deliveries with replay or run backfill first, or pass --database\n`);
    expect(await tables()).toEqual([]);
  });

  it('refuses a store at an older migration and names the command that brings it up; migrate does, then they read it', async () => {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    const names = Object.keys(await migrationProvider.getMigrations());
    const older = names.at(-2)!;
    try {
      const { error } = await new Migrator({ db, provider: migrationProvider, migrationTableSchema: 'public' }).migrateTo(older);
      expect(error).toBeUndefined();
    } finally {
      await db.destroy();
    }
    const before = await tables();
    expect(before).toContain('public.deliveries');

    for (const args of READ_ONLY_COMMANDS) {
      const { code, stdout, stderr } = await run(...args);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`fallacy-watch: the store in ${url} is at migration ${older}, this fallacy-watch needs ${LATEST}: run fallacy-watch migrate (same --database) first\n`);
    }
    expect(await tables()).toEqual(before);
    expect(await admin(async (client) => (await client.query('SELECT count(*)::int AS n FROM kysely_migration')).rows[0].n, url)).toBe(names.length - 1);

    const migrated = await run('migrate', '--database', url);
    expect(migrated).toEqual({ code: 0, stdout: `${url}: at migration ${LATEST} (${names.length} applied)\n`, stderr: '' });
    expect(await run('deliveries', 'dead', '--database', url)).toEqual({ code: 0, stdout: 'no dead deliveries\n', stderr: '' });
    const report = await run('report', 'acme/widgets', '--database', url);
    expect(report.code).toBe(1);
    expect(report.stderr).toBe('fallacy-watch: report: acme/widgets is not in the store (ingest deliveries with replay, or run backfill)\n');
  });
});

describe('read-only commands on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-readonly-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('refuse a file that holds no fallacy-watch store, and leave it untouched', async () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    const { code, stderr } = await run('report', 'acme/widgets', '--database', `sqlite:${file}`);
    expect(code).toBe(1);
    expect(stderr).toBe(`fallacy-watch: no fallacy-watch store in ${file}: ingest deliveries with replay or run backfill first, or pass --database\n`);
    expect(statSync(file).size).toBe(0);
  });

  it('read a store that migrate created', async () => {
    const file = join(dir, 'store.db');
    expect((await run('migrate', '--database', `sqlite:${file}`)).code).toBe(0);
    expect(await run('deliveries', 'dead', '--database', `sqlite:${file}`)).toEqual({ code: 0, stdout: 'no dead deliveries\n', stderr: '' });
  });
});
