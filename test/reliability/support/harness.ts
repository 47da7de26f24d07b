import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { Redis } from 'ioredis';
import { rememberPullRequest } from '../../../src/simulator/simulator-state.js';
import type { GitHubSimulator } from '../../../src/simulator/start-github-simulator.js';
import type { Delivery } from '../../../src/store/store.js';
import { TEST_POSTGRES_URL, withTestPostgresClient } from '../../helpers/stores.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const REGISTER = join(ROOT, 'test/reliability/support/register-ts.mjs');
const ENTRY = join(ROOT, 'test/reliability/support/app-process.ts');

export const WEBHOOK_SECRET = 'reliability-secret';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A private redis-server on a free loopback port, with an append-only file so a restart keeps the queues. */
export interface TestRedis {
  url: string;
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
    const probe = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    await waitFor(async () => probe.connect().then(() => true, () => false), 10_000, 'redis up');
    probe.disconnect();
  };
  const kill = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    url,
    restart: async (downMs) => {
      await kill();
      await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL schema of its own, and an application name that lets the test cut exactly its connections. */
export interface TestDatabase {
  /** The app processes' URL (tagged with their application name). */
  url: string;
  schema: string;
  /** Terminates every server connection of the app processes (what a PostgreSQL restart does to them). */
  dropConnections(): Promise<number>;
  drop(): Promise<void>;
}

export function createTestDatabase(): TestDatabase {
  const schema = `rel_${randomBytes(5).toString('hex')}`;
  const applicationName = `fw_${schema}`;
  const url = `${TEST_POSTGRES_URL}${TEST_POSTGRES_URL.includes('?') ? '&' : '?'}application_name=${applicationName}`;
  const admin = withTestPostgresClient;
  return {
    url,
    schema,
    dropConnections: () =>
      admin(async (client) => (await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName])).rowCount ?? 0),
    drop: () => admin(async (client) => void (await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))),
  };
}

/** A web or worker child process running the production code. */
export interface AppProcess {
  child: ChildProcess;
  port: number;
  output: string[];
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
}

export async function spawnApp(kind: 'web' | 'worker', env: Record<string, string>): Promise<AppProcess> {
  const childEnv = { ...process.env, ...env, LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL ?? 'warn' } as NodeJS.ProcessEnv;
  const child: ChildProcess = spawn(process.execPath, ['--import', REGISTER, ENTRY, kind], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${output.join('')}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code: number | null) => reject(new Error(`${kind} exited with ${code}: ${output.join('')}`)));
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code: number | null) => r(code)));
  return {
    child,
    port,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Plays GitHub: signs and posts a delivery, and lists the attempt where `GET /app/hook/deliveries` shows it. */
export async function deliver(webhookUrl: string, delivery: Delivery, simulator: GitHubSimulator): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify(delivery.payload);
  // GitHub knows the pull request it tells about (`GET /repos/{o}/{r}/pulls/{n}` answers it).
  rememberPullRequest(simulator.state, delivery.payload);
  const started = performance.now();
  let status = 0;
  try {
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': delivery.name,
        'x-github-delivery': delivery.id,
        'x-hub-signature-256': await sign(WEBHOOK_SECRET, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
    await response.text();
  } catch {
    status = 0;
  }
  const ms = performance.now() - started;
  const payload = delivery.payload as { action?: string; installation?: { id: number }; repository?: { id: number } };
  simulator.state.hookDeliveries.push({
    id: simulator.state.nextId(),
    guid: delivery.id,
    delivered_at: new Date().toISOString(),
    redelivery: false,
    status_code: status,
    event: delivery.name,
    action: payload.action ?? null,
    installation_id: payload.installation?.id ?? null,
    repository_id: payload.repository?.id ?? null,
  });
  return { status, ms };
}

/**
 * A web or worker process kept running the way Kubernetes keeps a pod: when it exits unexpectedly it is started
 * again on the same port. `crashes` counts those exits, for the test to report.
 */
export interface SupervisedApp {
  readonly process: AppProcess;
  readonly port: number;
  crashes: number;
  kill9AndRestart(): Promise<void>;
  stop(): Promise<number | null>;
}

export async function superviseApp(kind: 'web' | 'worker', env: Record<string, string>, port: number): Promise<SupervisedApp> {
  const portVariable = kind === 'web' ? 'PORT' : 'METRICS_PORT';
  const fixedEnv = { ...env, [portVariable]: String(port) };
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const supervised = {
    process: undefined as unknown as AppProcess,
    port,
    crashes: 0,
    async kill9AndRestart() {
      stopping = true;
      await supervised.process.kill9();
      stopping = false;
      await start();
    },
    async stop() {
      stopping = true;
      await restarting;
      return supervised.process.stop();
    },
  };
  const start = async () => {
    const started = await spawnApp(kind, fixedEnv);
    supervised.process = started;
    started.child.once('exit', () => {
      if (stopping) return;
      supervised.crashes += 1;
      restarting = start();
    });
  };
  await start();
  return supervised;
}
