import { reportFullBenchmark } from './report-full.js';
import { areasMatchBenchmark } from './areas-match.js';
import { backfillCostBenchmark } from './backfill-cost.js';
import { ingestThroughputBenchmark } from './ingest-throughput.js';
import { metricsComputeBenchmark } from './metrics-compute.js';
import { orgReportBenchmark } from './org-report.js';
import { prCheckBenchmark } from './pr-check.js';
import { renderBenchmark } from './render.js';
import { supplyChainBenchmark } from './supply-chain.js';

/** A benchmark: prints its figures (medians, ratios, throughput) to stdout. */
export interface Benchmark {
  name: string;
  run: () => Promise<void>;
}

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: Benchmark[] = [reportFullBenchmark, areasMatchBenchmark, backfillCostBenchmark, ingestThroughputBenchmark, metricsComputeBenchmark, orgReportBenchmark, prCheckBenchmark, renderBenchmark, supplyChainBenchmark];
