import { metadata as maintainerBandwidth } from '../rules/maintainer-bandwidth-is-infinite/metadata.js';
import { metadata as supplyChain } from '../rules/supply-chain-is-secure/metadata.js';
import type { MetricSet } from '../metrics/types.js';
import type { Report } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import type { DigestView } from './digest-view.js';
import { escapeMarkdown } from './escape-markdown.js';
import { toFallacyName } from './fallacy-names.js';
import { fitBody, GITHUB_BODY_LIMIT, type BodySection } from './fit-body.js';
import { renderHashMarker, wrapWithMarkers } from './hidden-marker.js';
import { joinWords, pluralize } from './join-words.js';
import { describeAreaName, renderAppText } from './render-app-text.js';
import { renderFindingSections, sortFindings, withoutReality } from './render-findings.js';
import { renderMetricComparison } from './render-metric-comparison.js';
import { renderIssueLink } from './render-issue-link.js';
import { renderTable } from './render-table.js';
import { renderTrendChart } from './render-trend-chart.js';

/** The supply-chain rule's fallacy: its findings that point at a file get their own table. */
const SUPPLY_CHAIN = toFallacyName(supplyChain);

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
  const located = report.findings.filter((finding) => finding.rule === SUPPLY_CHAIN.rule && finding.location);
  const diagnoses = report.findings.filter((finding) => !(finding.rule === SUPPLY_CHAIN.rule && finding.location));
  const days = windowDays(report);
  const columns = { now: `last ${days} days`, before: `the ${days} days before` };
  const findingCounts = new Map<string, number>();
  for (const finding of report.findings) if (finding.area !== null) findingCounts.set(finding.area, (findingCounts.get(finding.area) ?? 0) + 1);
  const findingsPerArea = (area: string) => findingCounts.get(area) ?? 0;
  const active = report.areas.filter((area) => findingsPerArea(area.area) > 0 || hasActivity(area.metrics));
  const quiet = report.areas.length - active.length;
  const areas = [...active].sort((a, b) => findingsPerArea(b.area) - findingsPerArea(a.area) || a.area.localeCompare(b.area));

  const sections: BodySection[] = [
    { label: 'the header', importance: 100, required: true, head: renderHeader(view, located.length) },
    ...renderFindingsPart(diagnoses, located.length),
    ...(located.length > 0 ? [renderSupplyChain(located)] : []),
    ...renderSuppressed(report),
    ...renderNotJudged(report),
    { ...renderMetricComparison('Repository', report.repo.metrics, report.repo.previous, 80, columns), label: 'the repository table', group: undefined },
    renderTrendChart(view.trend, 60),
    ...(report.areas.length > 0 ? [renderAreasHeading(active.length, quiet, days)] : []),
    ...areas.map((area, index) => foldAreaTable(area.area, findingsPerArea(area.area), renderMetricComparison(`Area ${describeAreaName(area.area)}`, area.metrics, area.previous, 50 - index / 10_000, columns))),
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
  const notJudged = report.not_judged?.length ?? 0;
  const suppressed = report.suppressed?.length ?? 0;
  const findingsLine =
    report.findings.length === 0
      ? notJudged > 0
        ? `No findings this week, but ${pluralize(notJudged, 'check')} could not be judged for lack of data (listed below).`
        : 'No findings this week.'
      : `${pluralize(report.findings.length, 'finding')} across ${pluralize(fallacies.size, 'fallacy', 'fallacies')}${locatedCount > 0 ? `, ${locatedCount} of them in workflow files` : ''}.`;
  const silenced = suppressed > 0 ? ` ${pluralize(suppressed, 'finding')} silenced by the configuration (listed below).` : '';
  const days = windowDays(report);
  const lines = [
    `## Community health of ${escapeMarkdown(report.repository)} — week of ${view.weekOf}`,
    '',
    `Every figure covers the last ${days} days (${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}) and is compared with the ${days} days before. ${findingsLine}${silenced}`,
  ];
  const { prs_waiting_on_reviewers: onReviewers, prs_waiting_on_author: onAuthors } = report.repo.metrics;
  if (onReviewers !== null && onAuthors !== null) {
    lines.push('', `Whose turn: ${pluralize(onReviewers, 'PR')} ${onReviewers === 1 ? 'waits' : 'wait'} on reviewers, ${onAuthors} on their authors.`);
  }
  if (view.previousDigest) lines.push('', `Previous digest: ${renderIssueLink(view.previousDigest)}.`);
  lines.push('', '<sub>Logins appear as plain names and links go through redirect.github.com: this digest notifies nobody and adds nothing to the timelines of the items it lists.</sub>');
  return lines.join('\n');
}

/** The report window's length in whole days (28 by default). */
function windowDays(report: Report): number {
  return Math.round((Date.parse(report.window.to) - Date.parse(report.window.from)) / 86_400_000);
}

/** Whether an area saw anything in the window: PRs started or merged, issues opened, or items waiting. */
function hasActivity(metrics: MetricSet): boolean {
  const counts = [metrics.prs_started, metrics.prs_merged, metrics.issues_opened, metrics.unanswered_prs, metrics.unanswered_issues, metrics.open_review_requests];
  return counts.some((count) => (count ?? 0) > 0);
}

function renderAreasHeading(shown: number, quiet: number, days: number): BodySection {
  const quietLine = quiet > 0 ? ` ${pluralize(quiet, 'area')} with no activity in the last ${days} days ${quiet === 1 ? 'is' : 'are'} left out.` : '';
  return {
    label: 'the areas heading',
    importance: 55,
    required: true,
    head: `### Areas\n\n${shown > 0 ? `Each area's key figures, folded; areas with findings first.` : 'No area saw activity in the window.'}${quietLine}`,
  };
}

/** An area's table inside `<details>`, its summary naming the area and its findings. */
function foldAreaTable(area: string, findings: number, section: BodySection): BodySection {
  const summary = `${describeAreaName(area)}${findings > 0 ? ` — ${pluralize(findings, 'finding')}` : ''}`;
  const table = section.head.replace(/^### [^\n]*\n\n/, '');
  return { ...section, head: `<details>\n<summary>${summary}</summary>\n\n${table}`, tail: `${section.tail ?? ''}\n\n</details>` };
}

/** Findings a `suppress` entry silenced, folded, with rule, area, until and the entry's reason. */
function renderSuppressed(report: Report): BodySection[] {
  const entries = report.suppressed ?? [];
  if (entries.length === 0) return [];
  const rows = entries.map(
    ({ finding, reason, until }) =>
      `- \`${finding.rule}\` · ${finding.area === null ? 'repository' : `area ${describeAreaName(finding.area)}`}: ${escapeMarkdown(finding.title, { maxLength: 200 })} — silenced ${until ? `until ${escapeMarkdown(until, { maxLength: 40 })}` : 'with no end date'}, because: ${escapeMarkdown(reason, { maxLength: 300 })}`,
  );
  return [
    {
      label: 'the silenced findings',
      importance: 75,
      head: `<details>\n<summary>Silenced: ${pluralize(entries.length, 'finding')} (suppress entries in the configuration)</summary>\n`,
      rows,
      tail: '\n</details>',
    },
  ];
}

/** Checks the rules could not judge (too little data), folded, by fallacy, area and check. */
function renderNotJudged(report: Report): BodySection[] {
  const entries = report.not_judged ?? [];
  if (entries.length === 0) return [];
  const rows = entries.map(
    (entry) =>
      `- ${entry.area === null ? 'repository' : describeAreaName(entry.area)} · ${escapeMarkdown(entry.description ?? entry.check, { maxLength: 200 })} Not judged: ${escapeMarkdown(entry.reason, { maxLength: 200 })}.`,
  );
  return [
    {
      label: 'the checks not judged',
      importance: 70,
      head: `<details>\n<summary>Not judged: ${pluralize(entries.length, 'check')} with too little data, so silence there means nothing yet</summary>\n`,
      rows,
      tail: '\n</details>',
    },
  ];
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
  const fallacy = SUPPLY_CHAIN;
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
  const advice = [...new Set(findings.map((finding) => withoutReality(finding.advice, fallacy.reality)).filter(Boolean))].slice(0, 3);
  return {
    label: 'the supply-chain table',
    importance: 85,
    head: [
      '### Open supply-chain findings',
      '',
      `**The Reality:** ${fallacy.reality}.${advice.length > 0 ? ` **Advice:** ${advice.map((text) => renderAppText(text, { maxLength: 500 })).join(' ')}` : ''}`,
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
    head: `### Reviewer load\n\nBusiest first. ${toFallacyName(maintainerBandwidth).reality}.\n\n${table.header}`,
    rows: table.rows,
  };
}
