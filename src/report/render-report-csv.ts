import type { MetricSet } from '../metrics/types.js';
import type { Report } from './types.js';

/** The columns of `report --format csv`, one header for every row. */
export const REPORT_CSV_COLUMNS = [
  'record',
  'scope',
  'window',
  'metric',
  'value',
  'rule',
  'severity',
  'kind',
  'number',
  'login',
  'title',
  'url',
  'waiting_hours',
  'at',
  'at_label',
] as const;

type Row = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], string | number | null>>;

/**
 * The report as one CSV table (RFC 4180, CRLF line ends) for spreadsheets and newsletters, in long form so it
 * pivots: a `metric` row per scope (`repository` or an area), window (`current`, `previous`) and figure
 * (distributions as `name.n`, `name.p50`, `name.p90`; lists joined with spaces; missing data empty, never 0), then
 * an `item` row per item behind each finding (its rule, severity and scope, the item's kind, number or login,
 * title, link and dates). Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is
 * prefixed with `'`.
 */
export function renderReportCsv(report: Report): string {
  const rows: Row[] = [];
  const scopes: [string, { metrics: MetricSet; previous: MetricSet }][] = [
    ['repository', report.repo],
    ...report.areas.map((area): [string, { metrics: MetricSet; previous: MetricSet }] => [area.area, area]),
  ];
  for (const [scope, sets] of scopes) {
    for (const [window, metrics] of [['current', sets.metrics], ['previous', sets.previous]] as const) {
      for (const [metric, value] of flattenMetrics(metrics)) rows.push({ record: 'metric', scope, window, metric, value });
    }
  }
  for (const finding of report.findings) {
    for (const item of finding.items ?? []) {
      rows.push({
        record: 'item',
        scope: finding.area ?? 'repository',
        rule: finding.rule,
        severity: finding.severity,
        kind: item.kind,
        number: item.number ?? null,
        login: item.login ?? null,
        title: item.title ?? null,
        url: item.url,
        waiting_hours: item.waiting_hours ?? null,
        at: item.at ?? null,
        at_label: item.at_label ?? null,
      });
    }
  }
  const lines = [REPORT_CSV_COLUMNS.join(','), ...rows.map((row) => REPORT_CSV_COLUMNS.map((column) => formatCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

const DISTRIBUTION = ['n', 'p50', 'p90'];

/** The parts of the metrics that are objects, so a missing one still gets its empty rows (every scope pivots alike). */
const PARTS: Partial<Record<keyof MetricSet, readonly string[]>> = {
  pr_time_to_first_response_hours: DISTRIBUTION,
  pr_time_to_first_review_hours: DISTRIBUTION,
  pr_time_to_merge_hours: DISTRIBUTION,
  review_request_turnaround_hours: DISTRIBUTION,
  issue_time_to_first_response_hours: DISTRIBUTION,
  newcomer_pr_time_to_first_response_hours: DISTRIBUTION,
  milestone_slip_days: DISTRIBUTION,
  release_interval_days: ['n', 'p50', 'last'],
  returning_contributor_rate_90d: ['cohort', 'returned', 'rate'],
};

/** Every figure of a metric set as `[name, value]`, in the set's order; `null` for missing data. */
function flattenMetrics(metrics: MetricSet): [string, number | string | null][] {
  return Object.entries(metrics).flatMap(([name, value]): [string, number | string | null][] => {
    const parts = PARTS[name as keyof MetricSet];
    if (parts) {
      const record = (value ?? {}) as Record<string, number | null>;
      return parts.map((part) => [`${name}.${part}`, record[part] ?? null]);
    }
    if (value === null || typeof value === 'number') return [[name, value]];
    if (Array.isArray(value)) return [[name, value.join(' ')]];
    return Object.entries(value as Record<string, number | null>).map(([part, figure]) => [`${name}.${part}`, figure]);
  });
}

function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
