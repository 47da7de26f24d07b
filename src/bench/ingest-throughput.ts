import pino from 'pino';
import { ingestDelivery } from '../ingest/ingest-delivery.js';
import { generateDeliveries } from '../sample/generate-deliveries.js';
import { openFreshStore } from './fresh-store.js';
import type { Benchmark } from './index.js';
import { median } from './median.js';

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
        const { store, drop } = await openFreshStore(backend);
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
