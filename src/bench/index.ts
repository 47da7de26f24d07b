/** A benchmark: prints its figures (medians, ratios, throughput) to stdout. */
export interface Benchmark {
  name: string;
  run: () => Promise<void>;
}

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: Benchmark[] = [];
