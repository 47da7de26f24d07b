import type { ReportItem } from '../metrics/types.js';
import type { Report } from '../report/types.js';
import { describeChange } from './describe-change.js';
import { lookUpFallacy } from './fallacy-names.js';
import { formatFigure } from './format-figure.js';
import { getKeyMetric, type KeyMetric } from './key-metrics.js';
import { listEvidenceMessages, plainText, renderEvidence } from './render-evidence.js';
import { sortFindings, withoutReality } from './render-findings.js';
import { sanitizePlainText } from './sanitize-plain-text.js';

/** The figures a terminal line shows per area. */
const TERMINAL_FIGURES: readonly KeyMetric[] = [
  getKeyMetric('pr_time_to_first_review_hours'),
  getKeyMetric('pr_time_to_merge_hours'),
  getKeyMetric('unanswered_prs'),
  getKeyMetric('active_reviewers'),
  getKeyMetric('workload_per_active_reviewer'),
];

const SHORT_LABELS: Record<string, string> = {
  pr_time_to_first_review_hours: 'first review',
  pr_time_to_merge_hours: 'merge',
  unanswered_prs: 'unanswered',
  active_reviewers: 'reviewers',
  workload_per_active_reviewer: 'load',
};

/**
 * A plain-text summary of a report for the terminal: no markdown, no colour codes, user text stripped of control
 * characters (so a hostile title cannot move the cursor or recolour the screen). Columns are padded for a
 * monospace font; one line per area, one block per finding.
 */
export function renderTerminalSummary(report: Report): string {
  const lines = [
    `fallacy-watch · ${clean(report.repository)} · ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}`,
    '',
  ];
  const rows = [
    ['area', ...TERMINAL_FIGURES.map((figure) => SHORT_LABELS[figure.metric] ?? figure.label)],
    ['(repository)', ...cells(report.repo.metrics, report.repo.previous)],
    ...report.areas.map((area) => [clean(area.area, 40), ...cells(area.metrics, area.previous)]),
  ];
  lines.push(...padColumns(rows), '');

  const findings = sortFindings(report.findings);
  lines.push(findings.length === 0 ? 'No findings.' : `Findings (${findings.length}):`);
  let fallacy = 0;
  for (const finding of findings) {
    if (finding.fallacy !== fallacy) {
      fallacy = finding.fallacy;
      const name = lookUpFallacy(fallacy);
      lines.push('', `  [${fallacy}] ${name.name} — The Reality: ${name.reality}`);
    }
    const where = finding.location ? ` ${clean(finding.location.path, 120)}:${finding.location.startLine}` : '';
    lines.push(`    ${finding.severity.padEnd(7)} ${finding.area === null ? '(repository)' : clean(finding.area, 40)}${where}  ${clean(finding.title, 200)}`);
    const evidence = renderEvidence(finding.evidence, finding.units, plainText);
    if (evidence) lines.push(`            numbers: ${evidence}`);
    const why = listEvidenceMessages(finding.evidence);
    if (why.length > 0) lines.push(`            why: ${clean(why.join(' '), 600)}`);
    const items = finding.items ?? [];
    for (const item of items.slice(0, 10)) lines.push(`            - ${clean(describeItemPlain(item), 160)}`);
    if (items.length > 10) lines.push(`            - and ${items.length - 10} more`);
    const advice = finding.advice ? withoutReality(finding.advice, lookUpFallacy(finding.fallacy).reality) : '';
    if (advice) lines.push(`            advice: ${clean(advice, 400)}`);
  }
  return `${lines.join('\n')}\n`;
}

function cells(current: Report['repo']['metrics'], previous: Report['repo']['metrics']): string[] {
  return TERMINAL_FIGURES.map((figure) => {
    const now = figure.pick(current);
    const arrow = describeChange(now, figure.pick(previous), figure.better).arrow;
    return `${formatFigure(now, figure.unit)}${arrow ? ` ${arrow}` : ''}`;
  });
}

function clean(text: string, maxLength = 200): string {
  return sanitizePlainText(text, maxLength);
}

/** Rows as lines with every column padded to its widest cell. */
function padColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, index) => cell + ' '.repeat((widths[index] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
}

/** `PR 12 Fix the cache (waiting 4.2 d) https://github.com/…`: one item for a terminal. */
function describeItemPlain(item: ReportItem): string {
  const label = item.kind === 'user' ? (item.login ?? '') : `${item.kind === 'pull_request' ? 'PR' : item.kind} ${item.number}`;
  const detail = item.waiting_hours !== undefined ? ` (waiting ${formatFigure(item.waiting_hours, 'hours')})` : item.at ? ` (${item.at_label} ${item.at.slice(0, 10)})` : '';
  return `${label}${item.title ? ` ${item.title}` : ''}${detail} ${item.url}`;
}
