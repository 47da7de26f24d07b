import { describe, expect, it } from 'vitest';
import { readHash } from '../../src/render/hidden-marker.js';
import { DIGEST_LABEL, readDigestMarker, renderDigest, renderDigestMarker } from '../../src/render/render-digest.js';
import { renderTrendChart } from '../../src/render/render-trend-chart.js';
import { renderBodyExample } from './example-document.js';
import { aDistribution, aMetricSet, anArea, aReport, realisticDigestView, realisticReport } from './fixtures.js';

describe('renderDigest', () => {
  it('renders the realistic fixture as committed in docs/examples/digest.md', async () => {
    const digest = renderDigest(realisticDigestView);
    await expect(renderBodyExample('render-digest.test.ts', digest.title, digest.body)).toMatchFileSnapshot('../../docs/examples/digest.md');
  });

  it('is titled by its week and labelled community-health', () => {
    const digest = renderDigest(realisticDigestView);
    expect(digest.title).toBe('Community health digest — week of 2026-11-16');
    expect(digest.labels).toEqual([DIGEST_LABEL]);
    expect(DIGEST_LABEL).toBe('community-health');
  });

  it('carries a marker with repository and week, and a content hash', () => {
    const digest = renderDigest(realisticDigestView);
    expect(digest.body.startsWith(digest.marker)).toBe(true);
    expect(readDigestMarker(digest.body)).toEqual({ repository: 'acme/kube-widgets', weekOf: '2026-11-16' });
    expect(readHash(digest.body)).toBe(digest.hash);
    expect(readDigestMarker('just an issue')).toBeNull();
  });

  it('renders the same body for the same view, so a repeated run changes nothing', () => {
    expect(renderDigest(structuredClone(realisticDigestView)).body).toBe(renderDigest(realisticDigestView).body);
  });

  it('rejects a week that is not YYYY-MM-DD', () => {
    expect(() => renderDigest({ ...realisticDigestView, weekOf: 'next week' })).toThrow(/YYYY-MM-DD/);
  });

  it('links the previous digest by URL, with text that is no #N reference', () => {
    const { body } = renderDigest(realisticDigestView);
    expect(body).toContain('Previous digest: [issue 41](https://github.com/acme/kube-widgets/issues/41).');
    expect(renderDigest({ ...realisticDigestView, previousDigest: { number: 41, url: 'javascript:alert(1)' } }).body).toContain(
      'Previous digest: issue 41.',
    );
  });

  it.each([
    { reviewers: 12, authors: 5, line: 'Whose turn: 12 PRs wait on reviewers, 5 on their authors.' },
    { reviewers: 1, authors: 0, line: 'Whose turn: 1 PR waits on reviewers, 0 on their authors.' },
    { reviewers: null, authors: 5, line: null },
  ])('shows whose turn it is on open PRs: $reviewers on reviewers, $authors on authors', ({ reviewers, authors, line }) => {
    const report = aReport({ repo: { metrics: aMetricSet({ prs_waiting_on_reviewers: reviewers, prs_waiting_on_author: authors }), previous: aMetricSet() } });
    const { body } = renderDigest({ ...realisticDigestView, report });
    if (line === null) expect(body).not.toContain('Whose turn');
    else expect(body).toContain(line);
  });

  it('marks week-over-week changes with arrows and whether they are good', () => {
    const { body } = renderDigest(realisticDigestView);
    expect(body).toContain('| PR first review (median) | 4.2 d | 2.9 d | ↑ worse |');
    expect(body).toContain('| PR first review (median) | 12 h | 15 h | ↓ better |');
    expect(body).toContain('| Active reviewers (90 d) | 4 | 4 | → |');
    expect(body).toContain('| PRs started | 22 | 20 | ↑ |');
  });

  it('compares every table with the previous window, as findings do, and labels both honestly', () => {
    const { body } = renderDigest(realisticDigestView);
    expect(body).toContain('| metric | last 28 days | the 28 days before | change |');
    expect(body).not.toContain('last week');
    expect(body).toContain('compared with the 28 days before');
  });

  it('moves supply-chain findings that point at files into their own table', () => {
    const { body } = renderDigest(realisticDigestView);
    expect(body).toContain('| error | .github/workflows/pr-label.yml | 3 | pull\\_request\\_target workflow checks out the pull request head |');
    expect(body).not.toContain('#### 5.');
  });

  it('lists reviewers busiest first with the areas they own', () => {
    const { body } = renderDigest(realisticDigestView);
    expect(body).toContain('| alice | 9 | 88 | sig/storage |');
    expect(body.indexOf('| alice | 9')).toBeLessThan(body.indexOf('| frank | 0'));
  });

  it('says so when there are no findings', () => {
    const { body } = renderDigest({ ...realisticDigestView, report: { ...realisticReport, findings: [] } });
    expect(body).toContain('No findings this week.');
    expect(body).toContain('Nothing to report this week.');
  });
});

describe('renderTrendChart', () => {
  it('draws the last 8 weeks with data as a mermaid xychart-beta line, oldest first', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ weekOf: `2026-0${i < 9 ? 1 : 2}-${String(10 + i).padStart(2, '0')}`, p50: i + 1 }));
    const { head } = renderTrendChart([...points].reverse(), 1);
    expect(head).toContain('```mermaid\nxychart-beta\n');
    expect(head).toContain('    line [3, 4, 5, 6, 7, 8, 9, 10]');
    expect(head).toContain('    y-axis "hours" 0 --> 20');
  });

  it('leaves weeks without data off the chart and names them in the text', () => {
    const { head } = renderTrendChart(realisticDigestView.trend, 1);
    expect(head).toContain('x-axis ["09-28", "10-05", "10-19", "10-26", "11-02", "11-09", "11-16"]');
    expect(head).toContain('10-12 no data');
  });

  it('switches to days for slow projects', () => {
    const { head } = renderTrendChart([{ weekOf: '2026-01-05', p50: 96 }, { weekOf: '2026-01-12', p50: 120 }], 1);
    expect(head).toContain('line [4, 5]');
    expect(head).toContain('title "Median time to first review (days)"');
  });

  it('draws no chart with fewer than two weeks of data', () => {
    expect(renderTrendChart([{ weekOf: '2026-01-05', p50: 5 }], 1).head).not.toContain('mermaid');
    expect(renderTrendChart([], 1).head).toContain('No reviews in these weeks yet.');
  });
});

it('marker survives an unusual repository name', () => {
  expect(readDigestMarker(renderDigestMarker('o/r -->x', '2026-01-05'))).toEqual({ repository: 'o/r -->x', weekOf: '2026-01-05' });
});
