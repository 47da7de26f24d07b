import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '@octokit/webhooks-methods';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { generateDeliveries } from '../sample/generate-deliveries.js';
import { rememberPullRequest } from '../simulator/simulator-state.js';
import { startGitHubSimulator } from '../simulator/start-github-simulator.js';
import type { Delivery } from '../store/store.js';
import { openStore } from '../store/open-store.js';
import { countDuplicateWrites } from './count-duplicate-writes.js';
import type { IoCounts } from './count-io-preload.js';
import { readResidentMemory, readSlotWaits, spawnAppProcess, type SpawnedApp } from './spawn-app-process.js';
import { summarizeMemory, summarizeProcessUsage } from './summarize-process-usage.js';
import { type DeliveryObservation, summarizeLoadRun } from './summarize-load-run.js';

/**
 * `npm run loadtest` (`node dist/loadtest/main.js`): the production mode under load on this machine, with the app's
 * own handlers (check runs, sticky comments, config and area reads against the simulator). Starts the GitHub simulator, a web process and `--workers` worker processes (Redis `--redis`, PostgreSQL `--database`, each
 * run in its own queue prefix and schema), sends `--rate` signed, realistic deliveries a second for `--duration`
 * seconds (open loop: sends do not wait for answers), waits for the workers to drain, and prints acknowledgement
 * p50/p99, processing throughput, end-to-end lag, lost and duplicated counts, and per process: CPU time, SQL
 * statements and Redis commands a delivery (counted by `count-io-preload.ts`, loaded with `--import`), and RSS over
 * time (start, after the `--warm-up` seconds, end, MB a minute after the warm-up). `--gc-heap SECONDS` also samples each
 * process's heap after a forced full GC (`--expose-gc`) that often: a leak grows it, warm-up does not.
 * `--cpu-prof DIR` runs every app process with `node --cpu-prof`, one `.cpuprofile` per process in DIR (read them with
 * `node dist/loadtest/top-self-time.js DIR/*.cpuprofile`).
 */
const USAGE = `usage: node dist/loadtest/main.js [options]   (npm run loadtest -- [options])
  --rate N             deliveries sent a second (default 50)
  --duration S         seconds of sending (default 60)
  --workers N          worker processes beside the one web process (default 1)
  --repositories N     repositories the deliveries are spread over (default 20)
  --redis URL          Redis (default REDIS_URL or redis://127.0.0.1:6379)
  --database URL       PostgreSQL (default DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
  --drain-timeout S    seconds to wait for the workers to finish after sending (default 120)
  --warm-up S          seconds before the RSS trend is measured from
  --gc-heap S          sample each process's heap after a forced full GC every S seconds
  --cpu-prof DIR       write one .cpuprofile per app process in DIR
  --help               this text`;

function readArguments() {
  try {
    return parseArgs({
      options: {
        rate: { type: 'string', default: '50' },
        duration: { type: 'string', default: '60' },
        workers: { type: 'string', default: '1' },
        repositories: { type: 'string', default: '20' },
        redis: { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
        database: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
        'drain-timeout': { type: 'string', default: '120' },
        'cpu-prof': { type: 'string' },
        'warm-up': { type: 'string' },
        'gc-heap': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`loadtest: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = readArguments();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const rate = Number(args.rate);
const duration = Number(args.duration);
const secret = 'loadtest-secret';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function planDeliveries(count: number, repositories: number): Delivery[] {
  // About 7 deliveries per pull request (reviews, comments, issues alongside); generate half as many again to be sure.
  const perRepository = Math.ceil((count / repositories / 7) * 1.5) + 1;
  const streams = Array.from({ length: repositories }, (_, i) =>
    generateDeliveries({ seed: 1_000 + i, pullRequests: perRepository, installationId: 1 + (i % 4), repository: { id: 5_000 + i, fullName: `load-org-${i % 4}/repo-${i}` } }),
  );
  const interleaved: Delivery[] = [];
  const longest = Math.max(...streams.map((stream) => stream.length));
  for (let index = 0; index < longest && interleaved.length < count; index += 1) {
    for (const stream of streams) if (stream[index] && interleaved.length < count) interleaved.push(stream[index]!);
  }
  return interleaved;
}

const deliveries = planDeliveries(rate * duration, Number(args.repositories));
const simulator = await startGitHubSimulator({
  dataset: {
    installations: [1, 2, 3, 4].map((id) => ({
      id,
      account: `load-org-${id - 1}`,
      repositories: Array.from({ length: Number(args.repositories) }, (_, i) => i)
        .filter((i) => i % 4 === id - 1)
        .map((i) => ({ id: 5_000 + i, fullName: `load-org-${i % 4}/repo-${i}`, defaultBranch: 'main' })),
    })),
    rateLimit: 1_000_000,
  },
});
const schema = `load_${randomBytes(5).toString('hex')}`;
const setupStore = await openStore(args.database, { schema, maxConnections: 1 });
await setupStore.close();
const { generateKeyPairSync } = await import('node:crypto');
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const webPort = await freePort();
const env: NodeJS.ProcessEnv = {
  APP_ID: '1',
  PRIVATE_KEY: privateKey,
  WEBHOOK_SECRET: secret,
  GITHUB_API_URL: simulator.url,
  GITHUB_WRITE_INTERVAL_MS: '0',
  DATABASE_URL: args.database,
  DATABASE_SCHEMA: schema,
  REDIS_URL: args.redis,
  QUEUE_PREFIX: `fw-load-${schema}`,
  HOST: '127.0.0.1',
  RECOVERY_INTERVAL_MS: '0',
  LOG_LEVEL: 'warn',
};
const gcSeconds = Number(args['gc-heap'] ?? 0);
const nodeArguments = [
  '--import',
  fileURLToPath(new URL('./count-io-preload.js', import.meta.url)),
  ...(gcSeconds > 0 ? ['--expose-gc'] : []),
  ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : []),
];
const ioFolder = mkdtempSync(join(tmpdir(), 'fw-load-io-'));
const apps: Array<{ name: string; port: number; app: SpawnedApp; ioFile: string }> = [];
const spawnCounted = async (name: string, kind: 'web' | 'worker', port: number, portVariable: 'PORT' | 'METRICS_PORT') => {
  const ioFile = join(ioFolder, `${name}.json`);
  const processEnv = { ...env, [portVariable]: String(port), LOADTEST_IO_FILE: ioFile, LOADTEST_GC_SECONDS: String(gcSeconds) };
  apps.push({ name, port, ioFile, app: await spawnAppProcess(kind, processEnv, port, nodeArguments) });
};
await spawnCounted('web', 'web', webPort, 'PORT');
for (let i = 0; i < Number(args.workers); i += 1) await spawnCounted(`worker-${i + 1}`, 'worker', await freePort(), 'METRICS_PORT');
/** Each process's counts, as its preload last wrote them (every second): wait a little more than that first. */
const readIo = async () => {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  return new Map(apps.map(({ name, ioFile }) => [name, JSON.parse(readFileSync(ioFile, 'utf8')) as IoCounts]));
};
const ioAtStart = await readIo();

const webhookUrl = `http://127.0.0.1:${webPort}/api/github/webhooks`;
const observations: DeliveryObservation[] = [];
const memory = new Map<string, number[]>(apps.map((a) => [a.name, []]));
const started = performance.now();
const sampleMemory = async () => {
  for (const { name, port } of apps) {
    const rss = await readResidentMemory(port);
    if (rss !== undefined) memory.get(name)!.push(Math.round(rss / 1_048_576));
  }
};
const memoryTimer = setInterval(() => void sampleMemory(), 10_000);
await sampleMemory();

const pool = new pg.Pool({ connectionString: args.database, max: 1, options: `-c search_path="${schema}"` });
const byId = new Map<string, DeliveryObservation>();
const pollFinished = async () => {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM deliveries WHERE status <> 'pending'`);
  const now = performance.now() - started;
  for (const { id } of rows) {
    const observation = byId.get(id);
    if (observation && observation.finishedAt === undefined) observation.finishedAt = now;
  }
};
const pollTimer = setInterval(() => void pollFinished().catch(() => undefined), 250);

const send = async (delivery: Delivery, sentAt: number) => {
  const body = JSON.stringify(delivery.payload);
  rememberPullRequest(simulator.state, delivery.payload);
  const observation: DeliveryObservation = { id: delivery.id, sentAt, ackMs: 0, status: 0 };
  observations.push(observation);
  byId.set(delivery.id, observation);
  const t0 = performance.now();
  try {
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': delivery.name, 'x-github-delivery': delivery.id, 'x-hub-signature-256': await sign(secret, body) },
      body,
    });
    observation.status = response.status;
    await response.arrayBuffer();
  } catch {
    observation.status = 0;
  }
  observation.ackMs = performance.now() - t0;
};

console.log(`sending ${deliveries.length} deliveries at ${rate}/s for ${duration} s to 1 web + ${args.workers} worker process(es)…`);
const inFlight: Array<Promise<void>> = [];
for (let index = 0; index < deliveries.length; index += 1) {
  const due = (index / rate) * 1_000;
  const wait = due - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  inFlight.push(send(deliveries[index]!, performance.now() - started));
}
await Promise.all(inFlight);
const drainDeadline = performance.now() + Number(args['drain-timeout']) * 1_000;
while (observations.some((o) => o.status >= 200 && o.status < 300 && o.finishedAt === undefined) && performance.now() < drainDeadline) {
  await new Promise((resolve) => setTimeout(resolve, 250));
}
await pollFinished();
clearInterval(pollTimer);
clearInterval(memoryTimer);
await sampleMemory();
const ioAtEnd = await readIo();
const slotWaits = (await Promise.all(apps.map(({ port }) => readSlotWaits(port)))).reduce<number>((sum, waits) => sum + (waits ?? 0), 0);

const summary = summarizeLoadRun(observations, countDuplicateWrites(simulator.state));
console.log(`deliveries sent:        ${summary.sent} (${summary.acknowledged} acknowledged 2xx)`);
console.log(`acknowledgement:        p50 ${summary.ackP50Ms.toFixed(1)} ms, p99 ${summary.ackP99Ms.toFixed(1)} ms`);
console.log(`processing throughput:  ${summary.throughputPerSecond.toFixed(1)} deliveries/s`);
console.log(`end-to-end lag:         p50 ${summary.lagP50Ms.toFixed(0)} ms, p99 ${summary.lagP99Ms.toFixed(0)} ms (store polled every 250 ms)`);
console.log(`lost: ${summary.lost}, duplicated: ${summary.duplicated}`);
if (summary.lost > 0) {
  // Acknowledged and unfinished: still pending in the store (the run fell behind and the drain timed out) or truly lost.
  const unfinished = observations.filter((o) => o.status >= 200 && o.status < 300 && o.finishedAt === undefined).map((o) => o.id);
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM deliveries WHERE id = ANY($1) AND status = 'pending'`, [unfinished]);
  console.log(`  of them still pending in the store when the ${args['drain-timeout']} s drain ran out (behind, not lost): ${rows[0]?.count ?? 0}`);
}
console.log(`app writes: ${simulator.state.checkRuns.length} check runs, ${simulator.state.comments.length} comments; requests the simulator does not speak: ${new Set(simulator.unspoken).size}`);
const unspoken = [...new Set(simulator.unspoken)];
if (unspoken.length > 0) console.log(`  of them: ${unspoken.slice(0, 5).join(', ')}${unspoken.length > 5 ? `, and ${unspoken.length - 5} more` : ''}`);
const requestCounts = new Map<string, number>();
for (const request of simulator.requests) {
  const route = request.replace(/\/\d+(?=\/|$)/g, '/{n}').replace(/(\/repos\/)[^/]+\/[^/]+/, '$1{o}/{r}').replace(/(\/contents\/).*/, '$1…');
  requestCounts.set(route, (requestCounts.get(route) ?? 0) + 1);
}
console.log(`GitHub requests: ${simulator.requests.length} (${(simulator.requests.length / summary.sent).toFixed(1)} a delivery)`);
for (const [route, count] of [...requestCounts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(count).padStart(6)}  ${route}`);
console.log(`slot waits (a delivery job found its installation's or repository's slot taken): ${slotWaits}`);
const round = ([key, n]: [string, number]) => `${key} ${n.toFixed(2)}`;
let cpuTotal = 0;
for (const { name } of apps) {
  const usage = summarizeProcessUsage(ioAtStart.get(name)!, ioAtEnd.get(name)!, summary.sent);
  cpuTotal += usage.cpuMsPerDelivery;
  console.log(`${name}: CPU ${usage.cpuMsPerDelivery.toFixed(2)} ms a delivery; ${usage.sqlPerDelivery.toFixed(2)} SQL statements and ${usage.redisPerDelivery.toFixed(2)} Redis commands a delivery`);
  console.log(`  SQL: ${usage.sqlKinds.slice(0, 12).map(round).join(', ')}`);
  console.log(`  Redis: ${usage.redisCommands.slice(0, 10).map(round).join(', ')}`);
}
console.log(`CPU all processes: ${cpuTotal.toFixed(2)} ms a delivery (load average now: ${readFileSync('/proc/loadavg', 'utf8').trim()})`);
const warmUp = Number(args['warm-up'] ?? Math.min(120, Math.max(10, Math.round(duration / 5))));
for (const [name, samples] of memory) {
  const trend = summarizeMemory(samples, 10, warmUp);
  console.log(
    `RSS ${name}: start ${trend.startMb} MB, after ${warmUp} s warm-up ${trend.warmMb} MB, end ${trend.endMb} MB, max ${trend.maxMb} MB; ${trend.mbPerMinuteAfterWarmUp.toFixed(1)} MB a minute after warm-up`,
  );
  console.log(`  every 10 s: ${samples.join(' ')}`);
}
if (gcSeconds > 0) {
  for (const [name, counts] of ioAtEnd) {
    console.log(`heap after GC ${name} (MB, every ${gcSeconds} s): ${counts.heapAfterGc.map(([, bytes]) => (bytes / 1_048_576).toFixed(1)).join(' ')}`);
  }
}

for (const { app } of apps.reverse()) await app.stop();
await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
await pool.end();
const redis = new Redis(args.redis);
let cursor = '0';
do {
  const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}*`, 'COUNT', 1_000);
  if (keys.length > 0) await redis.del(...keys);
  cursor = next;
} while (cursor !== '0');
await redis.quit();
await simulator.close();
rmSync(ioFolder, { recursive: true, force: true });
