import { describe, expect, it } from 'vitest';
import { buildCheckRunView } from '../../src/render/build-check-run-view.js';
import { renderCheckRun } from '../../src/render/render-check-run.js';
import { renderCheckRunExample } from './example-document.js';
import { aFinding, anArea, aReport, realisticCheckRunView, realisticReport } from './fixtures.js';

describe('renderCheckRun', () => {
  it('renders the realistic fixture as committed in docs/examples/check-run.md', async () => {
    await expect(renderCheckRunExample(renderCheckRun(realisticCheckRunView))).toMatchFileSnapshot('../../docs/examples/check-run.md');
  });

  it('is neutral when there are findings and nothing in failOn matches', () => {
    expect(renderCheckRun(realisticCheckRunView).conclusion).toBe('neutral');
  });

  it('succeeds when there is nothing to report', () => {
    const output = renderCheckRun({ ...realisticCheckRunView, findings: [], configProblems: [] });
    expect(output.conclusion).toBe('success');
    expect(output.title).toBe('No findings in sig/storage and docs');
    expect(output.summary).toContain('Nothing to report for these areas or this pull request.');
  });

  it('stays neutral when only the configuration has problems, and shows them', () => {
    const output = renderCheckRun({
      ...realisticCheckRunView,
      findings: [],
      configProblems: [{ severity: 'error', message: 'areas[0].name: expected a string' }],
    });
    expect(output.conclusion).toBe('neutral');
    expect(output.title).toBe('No findings in sig/storage and docs · 1 config error');
    expect(output.summary).toContain('🛑 **error** areas\\[0\\].name: expected a string');
  });

  it.each([
    ['a rule id', ['supply-chain-is-secure']],
    ['a severity', ['error']],
    ['a lower severity (that severity or worse)', ['warning']],
  ])('fails when failOn names %s of a finding', (_, failOn) => {
    const output = renderCheckRun({ ...realisticCheckRunView, failOn, findings: [aFinding({ rule: 'supply-chain-is-secure', fallacy: 5, severity: 'error' })] });
    expect(output.conclusion).toBe('failure');
    expect(output.summary).toContain('**This check fails** because `failOn` lists `supply-chain-is-secure`.');
  });

  it('does not fail for a failOn entry no finding matches', () => {
    expect(renderCheckRun({ ...realisticCheckRunView, failOn: ['compromise-is-rare'] }).conclusion).toBe('neutral');
    const warning = aFinding({ severity: 'warning' });
    expect(renderCheckRun({ ...realisticCheckRunView, failOn: ['error'], findings: [warning] }).conclusion).toBe('neutral');
  });

  it('has a one-line title in whole words naming the touched areas, never a finding title', () => {
    const output = renderCheckRun({ ...realisticCheckRunView, findings: [aFinding({ title: 'x\n@evil' }), aFinding({ fallacy: 8, rule: 'staffing-is-homogeneous' })] });
    expect(output.title).toBe('2 findings in sig/storage and docs');
  });

  it.each([
    [['sig/storage'], 1, '1 finding in sig/storage'],
    [['/'], 2, '2 findings in the repository root'],
    [[], 1, "1 finding in this pull request's changes"],
    [Array.from({ length: 12 }, (_, i) => `sig/a-rather-long-area-name-${i}`), 3, '3 findings in sig/a-rather-long-area-name-0 and 11 other areas'],
    [Array.from({ length: 3 }, (_, i) => `${'x'.repeat(58)}${i}`), 0, `No findings in ${'x'.repeat(58)}0 and 2 other areas`],
  ])('titles areas %j with %i findings as %j', (names, count, title) => {
    const output = renderCheckRun({
      ...realisticCheckRunView,
      areas: names.map((area) => anArea({ area })),
      findings: Array.from({ length: count }, () => aFinding()),
      configProblems: [],
    });
    expect(output.title).toBe(title);
    expect([...output.title].length).toBeLessThanOrEqual(120);
  });

  it('leaves repository-wide findings to the digest and links the digests', () => {
    const { summary } = renderCheckRun(realisticCheckRunView);
    expect(summary).toContain('Findings about the whole repository are in [the latest weekly digest](https://github.com/kubernetes/kubernetes/issues?q=');
    expect(summary).toContain("- This is the author's first pull request here");
    expect(summary).toContain('<details>\n<summary>Not judged in these areas: 1 check with too little data</summary>');
    expect(summary).toContain('- docs: Median time from a PR start to its merge. Not judged: only 2 of the 5 samples needed.');
  });

  it('shows the touched areas next to the repository figures', () => {
    const { summary } = renderCheckRun(realisticCheckRunView);
    expect(summary).toContain('| **repository** | 9.5 h | 20 h | 2.9 d | 23 | 9 | 2.1 |');
    expect(summary).toContain('| sig/storage | 30 h | 4.2 d | 10.8 d | 12 | 2 | 6.5 |');
  });

  it('returns every annotation, one per located finding, for the publisher to send 50 at a time', () => {
    const located = Array.from({ length: 120 }, (_, line) =>
      aFinding({ fallacy: 5, rule: 'supply-chain-is-secure', title: `step ${line}`, location: { path: '.github/workflows/ci.yml', startLine: line + 1, endLine: line + 1 } }),
    );
    const output = renderCheckRun({ ...realisticCheckRunView, findings: located, configProblems: [] });
    expect(output.annotations).toHaveLength(120);
    expect(output.annotations[0]).toMatchObject({ path: '.github/workflows/ci.yml', start_line: 1, end_line: 1, annotation_level: 'warning' });
  });

  it('annotates a config problem that has a line', () => {
    const [annotation] = renderCheckRun({ ...realisticCheckRunView, findings: [] }).annotations;
    expect(annotation).toMatchObject({ path: '.github/fallacy-watch.yml', start_line: 4, annotation_level: 'warning' });
  });

  it('lists suggested reviewers as plain names', () => {
    const { summary } = renderCheckRun(realisticCheckRunView);
    expect(summary).toContain('- erin: owns docs; 1 open review request, 30 reviews in 90 days');
    expect(summary).not.toMatch(/@\w/);
  });
});

describe('buildCheckRunView', () => {
  const input = {
    report: realisticReport,
    pullRequest: { number: 7, author: 'erin', changedFiles: ['docs/index.md', '.github/workflows/release.yml'] },
    touchedAreas: ['sig/storage', 'docs'],
  };

  it('keeps the touched areas and the findings about them, leaving repository-wide findings to the digest', () => {
    const view = buildCheckRunView(input);
    expect(view.areas.map((area) => area.area)).toEqual(['sig/storage', 'docs']);
    expect(view.findings.some((finding) => finding.area === 'sig/node')).toBe(false);
    expect(view.findings.filter((finding) => finding.area === 'sig/storage')).toHaveLength(3);
    expect(realisticReport.findings.some((finding) => finding.area === null && !finding.location)).toBe(true);
    expect(view.findings.filter((finding) => finding.area === null && !finding.location)).toEqual([]);
  });

  it('keeps what could not be judged in the touched areas only', () => {
    const notJudged = (area: string | null) => ({ rule: 'feedback-loops-are-tight', fallacy: 2, area, check: 'pr-merge', reason: 'no data', evidence: {} });
    const view = buildCheckRunView({ ...input, report: { ...realisticReport, not_judged: [notJudged('docs'), notJudged('sig/node'), notJudged(null)] } });
    expect(view.notJudged.map((entry) => entry.area)).toEqual(['docs']);
  });

  it('keeps a finding that points at a file only when the pull request changes that file', () => {
    const paths = buildCheckRunView(input).findings.flatMap((finding) => (finding.location ? [finding.location.path] : []));
    expect(paths).toEqual(['.github/workflows/release.yml']);
  });

  it('adds the pull request findings once, even when the report has them too', () => {
    const [located] = realisticReport.findings.filter((finding) => finding.location?.path === '.github/workflows/release.yml');
    const view = buildCheckRunView({ ...input, prFindings: [located!] });
    expect(view.findings.filter((finding) => finding.location?.path === '.github/workflows/release.yml')).toHaveLength(1);
  });

  it('never suggests the author or a reviewer already requested', () => {
    const view = buildCheckRunView({ ...input, pullRequest: { ...input.pullRequest, requestedReviewers: ['bob'] } });
    expect(view.suggestedReviewers.map((reviewer) => reviewer.login)).toEqual(['alice']);
  });

  it.each<[string, Partial<Parameters<typeof buildCheckRunView>[0]>, string[]]>([
    ['everyone eligible', {}, ['bob', 'alice']],
    ['not who already reviewed this pull request', { pullRequest: { ...input.pullRequest, pastReviewers: ['Bob'] } }, ['alice']],
    ['not who is over the load limit', { maxOpenReviewRequests: 5 }, ['bob']],
    ['not the author', { pullRequest: { ...input.pullRequest, author: 'alice' } }, ['erin', 'bob']],
  ])('suggests %s', (_, change, expected) => {
    const view = buildCheckRunView({ ...input, ...change });
    expect(view.suggestedReviewers.map((reviewer) => reviewer.login)).toEqual(expected);
  });

  it('works on a report with no areas at all', () => {
    const view = buildCheckRunView({ ...input, report: aReport() });
    expect(renderCheckRun(view).conclusion).toBe('success');
  });
});
