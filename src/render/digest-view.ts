import type { Report } from '../report/types.js';

/** One week of the trend chart: the median time to first review of PRs started that week (hours). */
export interface WeeklyPoint {
  /** The week's first day, `YYYY-MM-DD`. */
  weekOf: string;
  p50: number | null;
}

/** Everything the weekly digest issue shows for one repository. */
export interface DigestView {
  report: Report;
  /** The digest's week, `YYYY-MM-DD` (its first day in the configured timezone). */
  weekOf: string;
  /** Weekly medians of time to first review, any order; the last 8 weeks are charted. */
  trend: WeeklyPoint[];
  /** The digest before this one (the publisher closes it), linked by URL. */
  previousDigest: { number: number; url: string } | null;
}
