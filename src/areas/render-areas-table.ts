import type { AreasReport } from './build-areas-report.js';

const MAX_UNOWNED_SHOWN = 50;

/** The terminal view of an {@link AreasReport}: coverage line, an area table, unowned paths (first 50) and errors. */
export function renderAreasTable(report: AreasReport): string {
  const coverage = report.coverage === null ? 'n/a' : `${(report.coverage * 100).toFixed(2)}%`;
  const lines = [`source: ${report.source}   files: ${report.files}   owned: ${report.owned}   coverage: ${coverage}`, ''];
  const rows = report.areas.map((area) => [area.area, String(area.files), area.owners.join(' ') || '-']);
  const header = ['AREA', 'FILES', 'OWNERS'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (row: string[]) =>
    row.map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  lines.push(format(header), ...rows.map(format));
  if (report.unowned.length > 0) {
    lines.push('', `unowned (${report.unowned.length}):`);
    lines.push(...report.unowned.slice(0, MAX_UNOWNED_SHOWN).map((path) => `  ${path}`));
    if (report.unowned.length > MAX_UNOWNED_SHOWN) lines.push(`  … and ${report.unowned.length - MAX_UNOWNED_SHOWN} more (--json lists all)`);
  }
  if (report.errors.length > 0) {
    lines.push('', `errors (${report.errors.length}):`);
    lines.push(...report.errors.map((error) => `  ${error.file}${error.line === null ? '' : `:${error.line}`}: ${error.message}`));
  }
  if (report.paths) {
    lines.push('', 'files:');
    lines.push(...report.paths.map((entry) => `  ${entry.path}  ${entry.owners.join(' ') || '-'}  [${entry.areas.join(', ')}]`));
  }
  return `${lines.join('\n')}\n`;
}
