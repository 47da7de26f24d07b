import type { SupplyChainFinding } from './types.js';

/**
 * A plain-text table of findings for a terminal: location (`file:line`, `file` for a whole file, `(repository)`
 * for repository-wide ones), severity, kind and message, columns aligned; a one-line summary at the end.
 */
export function renderSupplyChainTable(findings: readonly SupplyChainFinding[]): string {
  if (findings.length === 0) return 'No supply-chain findings.\n';
  const rows = findings.map((finding) => [
    finding.file === '' ? '(repository)' : finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file,
    finding.severity,
    finding.kind,
    finding.message,
  ]);
  const header = ['LOCATION', 'SEVERITY', 'KIND', 'MESSAGE'];
  const widths = [0, 1, 2].map((column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd();
  const counts = (['error', 'warning', 'info'] as const)
    .map((severity) => `${findings.filter((finding) => finding.severity === severity).length} ${severity}`)
    .join(', ');
  return `${[header, ...rows].map(format).join('\n')}\n\n${findings.length} findings (${counts})\n`;
}
