import { describe, expect, it } from 'vitest';
import { buildCheckRunView } from '../../src/render/build-check-run-view.js';
import { renderCheckRun } from '../../src/render/render-check-run.js';
import { renderDigest } from '../../src/render/render-digest.js';
import { renderPrComment } from '../../src/render/render-pr-comment.js';
import { renderTerminalSummary } from '../../src/render/render-terminal-summary.js';
import type { Report } from '../../src/report/types.js';
import { aDistribution, aFinding, aMetricSet, anArea, aReport } from './fixtures.js';

/** Text a hostile (or careless) user can put in a title, login, label, branch or area name. */
const HOSTILE = [
  '@octocat please look',
  '@acme/maintainers',
  'fixes #123',
  'see GH-1',
  'org/repo#2',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden -->',
  '| pipes | break |',
  '[x](javascript:alert(1))',
  '![img](https://evil.example/x.png)',
  'line1\nINJECTED\n# INJECTED heading\n- INJECTED item',
  '`sig/storage` ``` fence',
  '**bold** _em_ ~~strike~~',
  'https://github.com/evil/repo/issues/9',
  'mail me@example.com',
  '\u202egnp.exe',
  '\u001b[31mred\u001b[0m',
  '$x^2$',
  '&lt;b&gt;',
].join(' ');

const login = '@evil|<b>x</b>#1';
/** Advice is fallacy-watch's own text, whose `code` spans render (see render-app-text tests); everything else in it is escaped. */
const HOSTILE_ADVICE = HOSTILE.replace(/`/g, '');
const area = '`sig/storage` | #7 @team';

const hostileReport: Report = aReport({
  repository: 'acme/kube-widgets',
  repo: { metrics: aMetricSet({ pr_time_to_first_review_hours: aDistribution(5, 10, 20) }), previous: aMetricSet() },
  areas: [
    anArea({
      area,
      owners: [login, '@octocat'],
      metrics: aMetricSet({ pr_time_to_first_review_hours: aDistribution(5, 30, 60), active_reviewers: 1 }),
    }),
  ],
  reviewers: [
    { login, open_review_requests: 1, reviews_90d: 5 },
    { login: 'octocat', open_review_requests: 0, reviews_90d: 3 },
  ],
  findings: [
    aFinding({ area, title: HOSTILE, advice: HOSTILE_ADVICE, evidence: { stale_owners: [login, HOSTILE], note: HOSTILE, [HOSTILE]: 1 }, units: { stale_owners: 'text', note: 'text', [HOSTILE]: 'count' } }),
    aFinding({ area: null, fallacy: 5, rule: 'supply-chain-is-secure', title: HOSTILE, advice: HOSTILE_ADVICE, location: { path: HOSTILE, startLine: 3, endLine: 3 } }),
    aFinding({ area: null, fallacy: 4, rule: 'commitments-dont-change', title: HOSTILE, advice: 'Reality first', evidence: {} }),
    aFinding({
      area,
      fallacy: 6,
      rule: 'compromise-is-rare',
      title: 'listed items',
      evidence: {},
      items: [
        { kind: 'pull_request', number: 5, url: 'https://github.com/acme/app/pull/5', title: HOSTILE, waiting_hours: 80 },
        { kind: 'user', login, url: 'javascript:alert(1)' },
        { kind: 'user', login: HOSTILE, url: 'https://github.com/x)](javascript:alert(1)' },
      ],
    }),
  ],
});

function renderEverything(): { markdown: Record<string, string>; plain: Record<string, string> } {
  const view = buildCheckRunView({
    report: hostileReport,
    pullRequest: { number: 1, author: login, changedFiles: [HOSTILE] },
    touchedAreas: [area],
    configProblems: [{ severity: 'error', message: HOSTILE, path: HOSTILE, line: 2 }],
  });
  view.suggestedReviewers.push({ login, openReviewRequests: 1, reviews90d: 5, areas: [area] });
  const checkRun = renderCheckRun(view);
  const comment = renderPrComment({
    repository: hostileReport.repository,
    firstContribution: true,
    areas: hostileReport.areas,
    repo: hostileReport.repo.metrics,
    contestedReview: { approvedBy: [login], changesRequestedBy: ['@octocat', HOSTILE] },
    supplyChainRisks: hostileReport.findings.filter((finding) => finding.location),
  });
  const digest = renderDigest({
    report: hostileReport,
    weekOf: '2026-11-16',
    trend: [{ weekOf: '2026-11-09', p50: 1 }, { weekOf: '2026-11-16', p50: 2 }],
    previousDigest: { number: 5, url: 'https://github.com/acme/kube-widgets/issues/5' },
  });
  return {
    markdown: { 'check run summary': checkRun.summary, 'check run text': checkRun.text ?? '', 'PR comment': comment!.body, digest: digest.body },
    plain: {
      'check run title': checkRun.title,
      annotations: checkRun.annotations.map((annotation) => `${annotation.title}\n${annotation.message}`).join('\n'),
      terminal: renderTerminalSummary(hostileReport),
    },
  };
}

/** Each table's rows have as many unescaped pipes as its header. */
function findBrokenTableRows(markdown: string): string[] {
  const broken: string[] = [];
  let expected: number | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      expected = null;
      continue;
    }
    const pipes = (line.match(/(?<!\\)\|/g) ?? []).length;
    if (expected === null) expected = pipes;
    else if (pipes !== expected) broken.push(line);
  }
  return broken;
}

const { markdown, plain } = renderEverything();

describe.each(Object.entries(markdown))('hostile input in the %s', (_, output) => {
  it('has hostile text to check (the test is not vacuous)', () => {
    expect(output).toContain('sig/storage');
  });

  it('contains no @mention: every @ is followed by a zero-width joiner', () => {
    expect(output).not.toMatch(/@(?!\u200d)/);
  });

  it('contains no #N, GH-N or owner/repo#N reference', () => {
    expect(output).not.toMatch(/#\d/);
    expect(output).not.toMatch(/GH-\d/i);
  });

  it('contains no raw HTML but its own markers, <sub> and folds', () => {
    const withoutOwn = output
      .replace(/<!-- fallacy-watch:[^\n]*? -->/g, '')
      .replace(/<\/?(?:sub|details|summary)>/g, '');
    expect(withoutOwn).not.toContain('<');
  });

  it('contains no link, image or autolink from user text', () => {
    expect(output).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(output).not.toMatch(/(?<!\\)!\[img/);
    expect(output).not.toContain('https://github.com/evil');
    expect(output).not.toContain('https://evil.example');
  });

  it('starts no heading, list item or paragraph from user text', () => {
    expect(output).not.toMatch(/^\s*(?:[#>*-]+\s*)?INJECTED/m);
  });

  it('opens no code span, emphasis or math from user text', () => {
    expect(output).not.toMatch(/(?<!\\)`sig\/storage/);
    expect(output).not.toMatch(/(?<!\\)\*\*bold/);
    expect(output).not.toMatch(/(?<!\\)\$x\^2/);
  });

  it('breaks no table', () => {
    expect(findBrokenTableRows(output)).toEqual([]);
  });

  it('carries no control or bidi-override character', () => {
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe.each(Object.entries(plain))('hostile input in the %s', (_, output) => {
  it('carries no control or bidi-override character, so no terminal escape runs', () => {
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps user text on its own line', () => {
    expect(output).not.toMatch(/^\s*(?:#+\s*|-\s*)?INJECTED/m);
  });
});
