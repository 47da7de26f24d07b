import type { MetricSet } from '../metrics/types.js';
import { describeChange, formatChange } from './describe-change.js';
import type { BodySection } from './fit-body.js';
import { formatFigure } from './format-figure.js';
import { KEY_METRICS } from './key-metrics.js';
import { renderTable } from './render-table.js';

/**
 * One area's key metrics as a table section: this window, the previous one, and the change (`↓ better`, `↑ worse`,
 * `→`). `name` is markdown already (escape user text first). Metrics missing on both sides are left out; a table
 * with nothing to show says so instead.
 */
export function renderMetricComparison(
  name: string,
  current: MetricSet,
  previous: MetricSet,
  importance: number,
  columns: { now: string; before: string } = { now: 'this window', before: 'previous window' },
): BodySection {
  const rows = KEY_METRICS.flatMap((metric) => {
    const now = metric.pick(current);
    const before = metric.pick(previous);
    if (now === null && before === null) return [];
    return [
      [
        metric.label,
        formatFigure(now, metric.unit),
        formatFigure(before, metric.unit),
        formatChange(describeChange(now, before, metric.better)),
      ],
    ];
  });
  const head = `### ${name}`;
  if (rows.length === 0) {
    return { label: `the table of ${name}`, group: 'area tables', importance, head: `${head}\n\nNo data for this window yet.` };
  }
  const table = renderTable(['metric', columns.now, columns.before, 'change'], rows, ['left', 'right', 'right', 'left']);
  return { label: `the table of ${name}`, group: 'area tables', importance, head: `${head}\n\n${table.header}`, rows: table.rows };
}
