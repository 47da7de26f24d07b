/** What the load run observed about one delivery. */
export interface DeliveryObservation {
  id: string;
  /** When it was sent (ms since the run started). */
  sentAt: number;
  /** Acknowledgement latency (ms) and HTTP status; status 0 when the request failed. */
  ackMs: number;
  status: number;
  /** When the store showed it finished (ms since the run started), if it did. */
  finishedAt?: number;
}

export interface LoadRunSummary {
  sent: number;
  acknowledged: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** Deliveries finished per second, from the first send to the last finish. */
  throughputPerSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
  /** Acknowledged (2xx) but never finished. */
  lost: number;
  /** Writes beyond one per delivery (check runs) or one per pull request (comments). */
  duplicated: number;
}

/** The value at quantile `q` (0–1) of `values`, nearest rank; 0 for none. */
export function computePercentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The figures of a load run, from what it observed and the duplicate writes the simulator counted. */
export function summarizeLoadRun(observations: readonly DeliveryObservation[], duplicatedWrites: number): LoadRunSummary {
  const acknowledged = observations.filter((o) => o.status >= 200 && o.status < 300);
  const finished = observations.filter((o) => o.finishedAt !== undefined);
  const first = Math.min(...observations.map((o) => o.sentAt));
  const last = Math.max(...finished.map((o) => o.finishedAt!));
  const acks = observations.map((o) => o.ackMs);
  const lags = finished.map((o) => o.finishedAt! - o.sentAt);
  return {
    sent: observations.length,
    acknowledged: acknowledged.length,
    ackP50Ms: computePercentile(acks, 0.5),
    ackP99Ms: computePercentile(acks, 0.99),
    throughputPerSecond: finished.length > 0 && last > first ? finished.length / ((last - first) / 1_000) : 0,
    lagP50Ms: computePercentile(lags, 0.5),
    lagP99Ms: computePercentile(lags, 0.99),
    lost: acknowledged.filter((o) => o.finishedAt === undefined).length,
    duplicated: duplicatedWrites,
  };
}
