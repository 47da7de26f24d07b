import type { MetricSet } from '../metrics/types.js';
import type { Report } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import type { DigestView } from './digest-view.js';
import { EMPTY_METRIC_SET } from './empty-metric-set.js';
import { escapeMarkdown } from './escape-markdown.js';
import { lookUpFallacy } from './fallacy-names.js';
import { fitBody, GITHUB_BODY_LIMIT, type BodySection } from './fit-body.js';
import { renderHashMarker, wrapWithMarkers } from './hidden-marker.js';
import { joinWords, pluralize } from './join-words.js';
import { renderFindingSections, sortFindings } from './render-findings.js';
import { renderMetricComparison } from './render-metric-comparison.js';
import { renderTable } from './render-table.js';
import { renderTrendChart } from './render-trend-chart.js';

/** The label every digest issue carries. */
export const DIGEST_LABEL = 'community-health';

/** The weekly digest issue, ready to post. */
export interface Digest {
  title: string;
  body: string;
  labels: string[];
  /** The hidden marker that identifies this repository's digest of this week. */
  marker: string;
  hash: string;
}

const WEEK = /^\d{4}-\d{2}-\d{2}$/;
const DIGEST_MARKER = /<!-- fallacy-watch:digest repository=(\S+) week=(\d{4}-\d{2}-\d{2}) -->/;

/** `<!-- fallacy-watch:digest repository=owner%2Fname week=YYYY-MM-DD -->`: one digest per repository per week. */
export function renderDigestMarker(repository: string, weekOf: string): string {
  return `<!-- fallacy-watch:digest repository=${encodeURIComponent(repository)} week=${weekOf} -->`;
}

/** The repository and week a digest body is for, or `null` when it is not a digest. */
export function readDigestMarker(body: string | null | undefined): { repository: string; weekOf: string } | null {
  const match = body ? DIGEST_MARKER.exec(body) : null;
  if (!match?.[1] || !match[2]) return null;
  try {
    return { repository: decodeURIComponent(match[1]), weekOf: match[2] };
  } catch {
    return null;
  }
}

/** `Community health digest — week of YYYY-MM-DD` */
export function renderDigestTitle(weekOf: string): string {
  return `Community health digest — week of ${weekOf}`;
}

/**
 * The weekly digest issue of one repository: headline figures and a link to the previous digest; findings grouped
 * by fallacy with advice; open supply-chain findings (those pointing at a file); the repository's and each area's
 * key metrics with week-over-week arrows; an 8-week mermaid chart of the median time to first review; the reviewer
 * load table. When the body would pass GitHub's limit, the reviewer table, area tables and chart go first.
 */
export function renderDigest(view: DigestView): Digest {
  if (!WEEK.test(view.weekOf)) throw new Error(`weekOf must be YYYY-MM-DD, got ${JSON.stringify(view.weekOf)}`);
  const { report } = view;
  const marker = renderDigestMarker(report.repository, view.weekOf);
  const located = report.findings.filter((finding) => finding.fallacy === 5 && finding.location);
  const diagnoses = report.findings.filter((finding) => !(finding.fallacy === 5 && finding.location));
  const columns = view.lastWeek ? { now: 'this week', before: 'last week' } : { now: 'this window', before: 'previous window' };
  const baseline = (area: string | null): MetricSet => {
    if (!view.lastWeek) {
      return area === null ? report.repo.previous : (report.areas.find((entry) => entry.area === area)?.previous ?? EMPTY_METRIC_SET);
    }
    return area === null ? view.lastWeek.repo.metrics : (view.lastWeek.areas.find((entry) => entry.area === area)?.metrics ?? EMPTY_METRIC_SET);
  };
  const findingCounts = new Map<string, number>();
  for (const finding of report.findings) if (finding.area !== null) findingCounts.set(finding.area, (findingCounts.get(finding.area) ?? 0) + 1);
  const findingsPerArea = (area: string) => findingCounts.get(area) ?? 0;
  const areas = [...report.areas].sort((a, b) => findingsPerArea(b.area) - findingsPerArea(a.area) || a.area.localeCompare(b.area));

  const sections: BodySection[] = [
    { label: 'the header', importance: 100, required: true, head: renderHeader(view, located.length) },
    ...renderFindingsPart(diagnoses, located.length),
    ...(located.length > 0 ? [renderSupplyChain(located)] : []),
    { ...renderMetricComparison('Repository', report.repo.metrics, baseline(null), 80, columns), label: 'the repository table', group: undefined },
    renderTrendChart(view.trend, 60),
    ...areas.map((area, index) =>
      renderMetricComparison(`Area ${escapeMarkdown(area.area, { maxLength: 100 })}`, area.metrics, baseline(area.area), 50 - index / 10_000, columns),
    ),
    renderReviewerLoad(report),
  ];
  const reserve = marker.length + renderHashMarker('0'.repeat(16)).length + 8;
  const content = fitBody(sections, { limit: GITHUB_BODY_LIMIT, reserve }).body;
  const { body, hash } = wrapWithMarkers(marker, content);
  return { title: renderDigestTitle(view.weekOf), body, labels: [DIGEST_LABEL], marker, hash };
}

function renderHeader(view: DigestView, locatedCount: number): string {
  const { report } = view;
  const fallacies = new Set(report.findings.map((finding) => finding.fallacy));
  const findingsLine =
    report.findings.length === 0
      ? 'No findings this week.'
      : `${pluralize(report.findings.length, 'finding')} across ${pluralize(fallacies.size, 'fallacy', 'fallacies')}${locatedCount > 0 ? `, ${locatedCount} of them in workflow files` : ''}.`;
  const lines = [
    `## Community health of ${escapeMarkdown(report.repository)} — week of ${view.weekOf}`,
    '',
    `Window: ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}, compared with ${view.lastWeek ? "last week's digest" : 'the window before it'}. ${findingsLine}`,
  ];
  const { prs_waiting_on_reviewers: onReviewers, prs_waiting_on_author: onAuthors } = report.repo.metrics;
  if (onReviewers !== null && onAuthors !== null) {
    lines.push('', `Whose turn: ${pluralize(onReviewers, 'PR')} ${onReviewers === 1 ? 'waits' : 'wait'} on reviewers, ${onAuthors} on their authors.`);
  }
  if (view.previousDigest) lines.push('', `Previous digest: ${renderIssueLink(view.previousDigest)}.`);
  lines.push('', '<sub>Logins appear as plain names: this digest notifies nobody.</sub>');
  return lines.join('\n');
}

/** A plain markdown link to an issue's URL, with text that is not itself a `#N` reference. */
function renderIssueLink(issue: { number: number; url: string }): string {
  const text = `issue ${Math.trunc(issue.number)}`;
  try {
    const url = new URL(issue.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return text;
    return `[${text}](${url.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
  } catch {
    return text;
  }
}

function renderFindingsPart(findings: readonly Finding[], locatedCount: number): BodySection[] {
  if (findings.length === 0 && locatedCount === 0) {
    return [{ label: 'the findings', importance: 90, required: true, head: '### Findings\n\nNothing to report this week.' }];
  }
  return [
    { label: 'the findings heading', importance: 90, required: true, head: '### Findings by fallacy' },
    ...renderFindingSections(findings, { heading: '####', importance: 90, required: true }),
  ];
}

function renderSupplyChain(findings: readonly Finding[]): BodySection {
  const fallacy = lookUpFallacy(5);
  const table = renderTable(
    ['severity', 'file', 'line', 'finding'],
    sortFindings(findings).map((finding) => [
      finding.severity,
      escapeMarkdown(finding.location!.path, { maxLength: 200 }),
      String(finding.location!.startLine),
      escapeMarkdown(finding.title, { maxLength: 300 }),
    ]),
    ['left', 'left', 'right', 'left'],
  );
  const advice = [...new Set(findings.map((finding) => finding.advice).filter(Boolean))].slice(0, 3);
  return {
    label: 'the supply-chain table',
    importance: 85,
    head: [
      '### Open supply-chain findings',
      '',
      `**The Reality:** ${fallacy.reality}.${advice.length > 0 ? ` **Advice:** ${advice.map((text) => escapeMarkdown(text, { maxLength: 500 })).join(' ')}` : ''}`,
      '',
      table.header,
    ].join('\n'),
    rows: table.rows,
  };
}

function renderReviewerLoad(report: Report): BodySection {
  const areasByOwner = new Map<string, string[]>();
  for (const area of report.areas) {
    for (const owner of new Set(area.owners.map((login) => login.replace(/^@/, '').toLowerCase()))) {
      areasByOwner.set(owner, [...(areasByOwner.get(owner) ?? []), escapeMarkdown(area.area, { maxLength: 60 })]);
    }
  }
  const owned = (login: string) => areasByOwner.get(login.toLowerCase()) ?? [];
  const reviewers = [...report.reviewers].sort(
    (a, b) => b.open_review_requests - a.open_review_requests || b.reviews_90d - a.reviews_90d || a.login.localeCompare(b.login),
  );
  const table = renderTable(
    ['reviewer', 'open review requests', 'reviews (90 days)', 'owns'],
    reviewers.map((reviewer) => {
      const areas = owned(reviewer.login);
      return [
        escapeMarkdown(reviewer.login, { maxLength: 60 }),
        String(reviewer.open_review_requests),
        String(reviewer.reviews_90d),
        areas.length > 3 ? `${areas.slice(0, 3).join(', ')} and ${areas.length - 3} more` : joinWords(areas),
      ];
    }),
    ['left', 'right', 'right', 'left'],
  );
  if (reviewers.length === 0) {
    return { label: 'the reviewer load table', importance: 40, head: '### Reviewer load\n\nNo reviews in the last 90 days.' };
  }
  return {
    label: 'the reviewer load table',
    importance: 40,
    head: `### Reviewer load\n\nBusiest first. ${lookUpFallacy(3).reality}.\n\n${table.header}`,
    rows: table.rows,
  };
}
