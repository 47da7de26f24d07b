import { describe, expect, it } from 'vitest';
import { REPORT_CSV_COLUMNS, renderReportCsv } from '../../src/report/render-report-csv.js';
import { aFinding, realisticReport } from '../render/fixtures.js';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    else cell += char;
  }
  return rows;
}

describe('renderReportCsv', () => {
  const report = {
    ...realisticReport,
    findings: [
      aFinding({
        rule: 'feedback-loops-are-tight',
        area: null,
        items: [
          { kind: 'pull_request', number: 12, url: 'https://github.com/acme/app/pull/12', title: '=HYPERLINK("x"), "quoted", multi\nline', waiting_hours: 80.5 },
          { kind: 'user', login: 'alice', url: 'https://github.com/alice', at: '2025-01-02T00:00:00.000Z', at_label: 'last active' },
        ],
      }),
    ],
  };
  const rows = parseCsv(renderReportCsv(report));
  const header = rows[0]!;
  const records = rows.slice(1).map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));

  it('is one rectangular table with one header', () => {
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(REPORT_CSV_COLUMNS.length);
  });

  it('has a metric row per scope, window and figure, missing data empty', () => {
    const metric = (scope: string, window: string, name: string) =>
      records.find((r) => r.record === 'metric' && r.scope === scope && r.window === window && r.metric === name)?.value;
    expect(metric('repository', 'current', 'unanswered_prs')).toBe(String(realisticReport.repo.metrics.unanswered_prs));
    expect(metric('sig/storage', 'current', 'pr_time_to_first_review_hours.p50')).toBe(
      String(realisticReport.areas.find((a) => a.area === 'sig/storage')!.metrics.pr_time_to_first_review_hours!.p50),
    );
    expect(metric('docs', 'previous', 'pr_time_to_first_review_hours.p50')).toBe('');
    const scopes = new Set(records.filter((r) => r.record === 'metric').map((r) => r.scope));
    expect(scopes).toEqual(new Set(['repository', ...realisticReport.areas.map((a) => a.area)]));
  });

  it('has an item row per item behind each finding, text safe from formulas and quoting', () => {
    const items = records.filter((r) => r.record === 'item');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ rule: 'feedback-loops-are-tight', scope: 'repository', kind: 'pull_request', number: '12', waiting_hours: '80.5' });
    expect(items[0]!.title).toBe('\'=HYPERLINK("x"), "quoted", multi\nline');
    expect(items[1]).toMatchObject({ kind: 'user', login: 'alice', at: '2025-01-02T00:00:00.000Z', at_label: 'last active', number: '' });
  });
});
