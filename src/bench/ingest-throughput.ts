import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { ingestDelivery } from '../ingest/ingest-delivery.js';
import { generateDeliveries } from '../sample/generate-deliveries.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = 3;

/**
 * Ingest throughput: realistic deliveries recorded and applied one by one, as the webhook handler does, into a fresh
 * SQLite file and a fresh PostgreSQL schema. Prints the median deliveries per second over three runs.
 */
export const ingestThroughputBenchmark: Benchmark = {
  name: 'ingest-throughput',
  run: async () => {
    const deliveries = generateDeliveries({ pullRequests: 1000, seed: 11 });
    const log = pino({ level: 'silent' });
    for (const backend of ['sqlite', 'postgres'] as const) {
      const rates: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const { store, drop } = await freshStore(backend);
        try {
          const started = performance.now();
          for (const delivery of deliveries) await ingestDelivery(store, delivery, log, new Date());
          rates.push(deliveries.length / ((performance.now() - started) / 1000));
        } finally {
          await drop();
        }
      }
      console.log(
        `${backend}: ${deliveries.length} deliveries, median ${Math.round(median(rates))} deliveries/s ` +
          `(runs: ${rates.map((r) => Math.round(r)).join(', ')})`,
      );
    }
  },
};

async function freshStore(backend: 'sqlite' | 'postgres'): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fw-bench-'));
    const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
    return { store, drop: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore(POSTGRES_URL, { schema });
  return {
    store,
    drop: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}
