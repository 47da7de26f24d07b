import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Loaded into each app process of a load run with `node --import` (never by the app itself): counts the SQL statements
 * the process sends to PostgreSQL (by their first words, e.g. `insert into "pull_requests"`) and the Redis commands it
 * sends (by name, `evalsha` for BullMQ's and the semaphore's scripts), and writes the counts, the process's CPU time
 * and, with `LOADTEST_GC_SECONDS`, its heap used after a full garbage collection (needs `--expose-gc`) to the JSON file
 * `LOADTEST_IO_FILE` every second. The load test reads it at the start and the end of the run.
 */
export interface IoCounts {
  /** Statements by kind. */
  sql: Record<string, number>;
  /** Commands by name. */
  redis: Record<string, number>;
  /** User + system CPU time, microseconds. */
  cpuMicros: number;
  /** Heap used after a forced full GC (bytes), sampled every `LOADTEST_GC_SECONDS`, with ms since the process started. */
  heapAfterGc: Array<[number, number]>;
}

const file = process.env.LOADTEST_IO_FILE;
if (file) {
  const counts: IoCounts = { sql: {}, redis: {}, cpuMicros: 0, heapAfterGc: [] };
  const add = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };

  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'text' in first ? String((first as { text: unknown }).text) : '';
    add(counts.sql, describeStatement(text));
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;

  const sendCommand = Redis.prototype.sendCommand as (...args: unknown[]) => unknown;
  Redis.prototype.sendCommand = function countedCommand(this: Redis, ...args: unknown[]) {
    const command = args[0] as { name?: string } | undefined;
    add(counts.redis, command?.name ?? '?');
    return sendCommand.apply(this, args);
  } as typeof Redis.prototype.sendCommand;

  const gcSeconds = Number(process.env.LOADTEST_GC_SECONDS ?? 0);
  const collect = (globalThis as { gc?: () => void }).gc;
  if (gcSeconds > 0 && collect) {
    setInterval(() => {
      collect();
      counts.heapAfterGc.push([Math.round(performance.now()), process.memoryUsage().heapUsed]);
    }, gcSeconds * 1_000).unref();
  }
  const write = () => {
    const { user, system } = process.cpuUsage();
    counts.cpuMicros = user + system;
    writeFileSync(file, JSON.stringify(counts));
  };
  setInterval(write, 1_000).unref();
  process.on('exit', write);
}

/** The kind of a statement: its verb and table (`select from "deliveries"`), lower case, parameters left out. */
export function describeStatement(text: string): string {
  const words = text.trim().toLowerCase();
  const verb = /^\w+/.exec(words)?.[0] ?? '?';
  const table = /\b(?:into|from|update)\s+("?[\w.]+"?)/.exec(words)?.[1]?.replaceAll('"', '');
  return table ? `${verb} ${table}` : verb;
}
