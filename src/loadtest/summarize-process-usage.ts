import type { IoCounts } from './count-io-preload.js';

/** What one app process spent on a load run, per delivery sent (load-independent, unlike deliveries/s). */
export interface ProcessUsage {
  cpuMsPerDelivery: number;
  sqlPerDelivery: number;
  redisPerDelivery: number;
  /** Statement kinds and Redis commands by how many a delivery, most first. */
  sqlKinds: Array<[string, number]>;
  redisCommands: Array<[string, number]>;
}

const difference = (end: Record<string, number>, start: Record<string, number>): Array<[string, number]> =>
  Object.entries(end)
    .map(([key, value]): [string, number] => [key, value - (start[key] ?? 0)])
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1]);

/** A process's CPU time, SQL statements and Redis commands between two readings, per delivery sent. */
export function summarizeProcessUsage(start: IoCounts, end: IoCounts, deliveries: number): ProcessUsage {
  const per = (value: number) => (deliveries === 0 ? 0 : value / deliveries);
  const sql = difference(end.sql, start.sql);
  const redis = difference(end.redis, start.redis);
  return {
    cpuMsPerDelivery: per((end.cpuMicros - start.cpuMicros) / 1_000),
    sqlPerDelivery: per(sql.reduce((sum, [, n]) => sum + n, 0)),
    redisPerDelivery: per(redis.reduce((sum, [, n]) => sum + n, 0)),
    sqlKinds: sql.map(([kind, n]) => [kind, per(n)]),
    redisCommands: redis.map(([name, n]) => [name, per(n)]),
  };
}

/** A process's resident memory over a run: where it started, where it was once warmed up, where it ended. */
export interface MemoryTrend {
  startMb: number;
  warmMb: number;
  endMb: number;
  maxMb: number;
  /** Growth from the warm-up sample to the end, MB a minute (least squares over those samples). */
  mbPerMinuteAfterWarmUp: number;
}

/**
 * The trend of samples taken every `intervalSeconds`; the warm-up is the first `warmUpSeconds`. With fewer than two
 * samples after the warm-up the slope is 0.
 */
export function summarizeMemory(samples: readonly number[], intervalSeconds: number, warmUpSeconds: number): MemoryTrend {
  const warmIndex = Math.min(samples.length - 1, Math.ceil(warmUpSeconds / intervalSeconds));
  const after = samples.slice(Math.max(0, warmIndex));
  return {
    startMb: samples[0] ?? 0,
    warmMb: samples[warmIndex] ?? 0,
    endMb: samples.at(-1) ?? 0,
    maxMb: samples.length === 0 ? 0 : Math.max(...samples),
    mbPerMinuteAfterWarmUp: computeSlope(after) * (60 / intervalSeconds),
  };
}

/** Least-squares slope of `values` over their indexes (units per sample); 0 for fewer than two. */
export function computeSlope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, v) => sum + v, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((v, x) => {
    num += (x - meanX) * (v - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}
