import type { MetricSet } from '../metrics/types.js';
import type { OrgFinding, OrgReport } from '../report/org/org-report.js';
import { DIGEST_LABEL, type Digest, renderDigestMarker } from './render-digest.js';
import { escapeMarkdown } from './escape-markdown.js';
import { fitBody, GITHUB_BODY_LIMIT, type BodySection } from './fit-body.js';
import { formatFigure } from './format-figure.js';
import { wrapWithMarkers } from './hidden-marker.js';
import { pluralize } from './join-words.js';
import { renderFindingSections } from './render-findings.js';
import { renderMetricComparison } from './render-metric-comparison.js';
import { renderIssueLink } from './render-issue-link.js';
import { renderTable } from './render-table.js';

export interface OrgDigestView {
  report: OrgReport;
  /** The Monday the digest's week starts on, `YYYY-MM-DD`. */
  weekOf: string;
  /** Where repositories live, for links; default `https://github.com`. */
  serverUrl?: string;
  /** The previous organisation digest, linked from this one. */
  previousDigest?: { number: number; url: string } | null;
}

const WEEK = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The weekly organisation digest: organisation-wide findings first (rules run on every repository's items pooled),
 * then the areas that span repositories and the repositories, each sorted by need (unanswered PRs, then findings,
 * then the slowest first response), each repository linked to its own digests; then the reviewers whose load is
 * spread over several repositories, and every repository's findings folded. Every repository of the report is named.
 */
export function renderOrgDigest(view: OrgDigestView): Digest {
  if (!WEEK.test(view.weekOf)) throw new Error(`weekOf must be YYYY-MM-DD, got ${JSON.stringify(view.weekOf)}`);
  const { report } = view;
  const server = (view.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  // The digest marker names what the digest is about: an organisation's login never holds a slash, a repository's
  // name always does, so one marker reader and one upsert serve both, and the two never take each other's issue.
  const marker = renderDigestMarker(report.organization, view.weekOf);
  const orgFindings = report.findings.filter((finding) => finding.repository === null);
  const sections: BodySection[] = [
    { label: 'the header', importance: 100, required: true, head: renderHeader(view, orgFindings.length) },
    ...renderOrgFindings(orgFindings),
    { ...renderMetricComparison('The organisation, all repositories pooled', report.org.metrics, report.org.previous, 85, COLUMNS), group: undefined, label: 'the organisation table' },
    renderSupplyChainByRepository(report),
    renderAreas(report),
    renderRepositories(report, server),
    renderReviewers(report),
    renderRepositoryFindings(report),
  ];
  const reserve = marker.length + 40;
  const content = fitBody(sections, { limit: GITHUB_BODY_LIMIT, reserve }).body;
  const { body, hash } = wrapWithMarkers(marker, content);
  return { title: `Organisation health digest — week of ${view.weekOf}`, body, labels: [DIGEST_LABEL], marker, hash };
}

const COLUMNS = { now: 'last 28 days', before: 'the 28 days before' };

function renderHeader(view: OrgDigestView, orgFindingCount: number): string {
  const { report } = view;
  const inRepositories = report.findings.length - orgFindingCount;
  return [
    `## Community health of ${escapeMarkdown(report.organization)} — week of ${view.weekOf}`,
    '',
    `Window: ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}, compared with the window before it. ` +
      `${pluralize(report.repositories.length, 'repository', 'repositories')} pooled; ` +
      `${pluralize(orgFindingCount, 'organisation-wide finding')} and ${pluralize(inRepositories, 'finding')} in single repositories.`,
    ...(view.previousDigest ? ['', `Previous organisation digest: ${renderIssueLink(view.previousDigest)}.`] : []),
    ...renderLeftOut(report),
    '',
    '<sub>Logins appear as plain names: this digest notifies nobody. Release and owners figures are per repository only.</sub>',
  ].join('\n');
}

/** The repositories left out (archived, forks), named: at most 10, then how many more. */
function renderLeftOut(report: OrgReport): string[] {
  const leftOut = report.left_out ?? [];
  if (leftOut.length === 0) return [];
  const named = leftOut.slice(0, 10).map((entry) => `${escapeMarkdown(entry.repository, { maxLength: 140 })} (${entry.reason === 'fork' ? 'a fork' : 'archived'})`);
  const more = leftOut.length > 10 ? `, and ${leftOut.length - 10} more` : '';
  return ['', `Left out: ${named.join(', ')}${more}. The \`include\` setting of \`.github/fallacy-watch-org.yml\` counts them.`];
}

function renderOrgFindings(findings: readonly OrgFinding[]): BodySection[] {
  if (findings.length === 0) {
    return [{ label: 'the organisation findings', importance: 90, required: true, head: '### Organisation-wide findings\n\nNothing to report this week.' }];
  }
  return [
    { label: 'the organisation findings heading', importance: 90, required: true, head: '### Organisation-wide findings' },
    ...renderFindingSections(findings, { heading: '####', importance: 90, required: true, wholeScope: 'organisation' }),
  ];
}

const median = (metrics: MetricSet, name: 'pr_time_to_first_response_hours' | 'pr_time_to_merge_hours') => metrics[name]?.p50 ?? null;

/** Most unanswered PRs first, then most findings, then the slowest median first response, then by name. */
function byNeed<T>(entries: readonly T[], metricsOf: (entry: T) => MetricSet, findingsOf: (entry: T) => number, nameOf: (entry: T) => string): T[] {
  return [...entries].sort(
    (a, b) =>
      (metricsOf(b).unanswered_prs ?? 0) - (metricsOf(a).unanswered_prs ?? 0) ||
      findingsOf(b) - findingsOf(a) ||
      (median(metricsOf(b), 'pr_time_to_first_response_hours') ?? -1) - (median(metricsOf(a), 'pr_time_to_first_response_hours') ?? -1) ||
      nameOf(a).localeCompare(nameOf(b)),
  );
}

function renderAreas(report: OrgReport): BodySection {
  const findingsOf = countFindingsByArea(report.findings);
  const areas = byNeed(report.areas, (area) => area.metrics, (area) => findingsOf.get(area.area) ?? 0, (area) => area.area);
  const table = renderTable(
    ['area', 'repositories', 'PRs started', 'unanswered PRs', 'PR first response (median)', 'first-time contributors', 'active reviewers (90 d)', 'findings'],
    areas.map((area) => [
      escapeMarkdown(area.area, { maxLength: 100 }),
      String(area.repositories.length),
      formatFigure(area.metrics.prs_started, 'count'),
      formatFigure(area.metrics.unanswered_prs, 'count'),
      formatFigure(median(area.metrics, 'pr_time_to_first_response_hours'), 'hours'),
      formatFigure(area.metrics.first_time_contributors, 'count'),
      formatFigure(area.metrics.active_reviewers, 'count'),
      String(findingsOf.get(area.area) ?? 0),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  if (areas.length === 0) return { label: 'the area table', importance: 70, head: '### Areas across repositories\n\nNo areas found (no area labels or OWNERS areas).' };
  const origins = renderAreaOrigins(areas);
  return {
    label: 'the area table',
    importance: 70,
    head: `### Areas across repositories\n\nAn area is every repository's area of that name, pooled, with what the organisation config declares; neediest first (last 28 days).\n\n${table.header}`,
    rows: table.rows,
    ...(origins ? { tail: `\n\n${origins}` } : {}),
  };
}

/**
 * Where the declared areas' items come from, folded: each part the organisation config declares, each repository's
 * own area of the same name beside it (an override is shown, never silent), and declared repositories not in the store.
 */
function renderAreaOrigins(areas: readonly OrgReport['areas'][number][]): string | null {
  const lines = areas
    .filter((area) => area.parts.some((part) => part.source === 'org-config') || area.missing_repositories.length > 0)
    .map((area) => {
      const parts = area.parts.map((part) =>
        part.source === 'org-config'
          ? `${escapeMarkdown(part.repository)} (declared: ${part.paths && part.paths.length > 0 ? part.paths.map((path) => `\`${path.replace(/`/g, '')}\``).join(', ') : 'the whole repository'})`
          : `${escapeMarkdown(part.repository)} (its own ${escapeMarkdown(part.source)} area)`,
      );
      const missing = area.missing_repositories.length > 0 ? `; not in the store: ${area.missing_repositories.map((name) => escapeMarkdown(name)).join(', ')}` : '';
      return `- **${escapeMarkdown(area.area, { maxLength: 100 })}**: ${parts.join('; ') || 'nothing counted'}${missing}`;
    });
  if (lines.length === 0) return null;
  return ['<details><summary>Where the declared areas come from</summary>', '', ...lines, '', '</details>'].join('\n');
}

function renderRepositories(report: OrgReport, server: string): BodySection {
  const repositories = byNeed(report.repositories, (entry) => entry.metrics, (entry) => entry.findings, (entry) => entry.repository);
  const table = renderTable(
    ['repository', 'findings', 'PRs started', 'unanswered PRs', 'PR first response (median)', 'PR time to merge (median)', 'first-time contributors', 'digests'],
    repositories.map((entry) => {
      const url = `${server}/${entry.repository.split('/').map(encodeURIComponent).join('/')}`;
      return [
        `[${escapeMarkdown(entry.repository, { maxLength: 140 })}](${url})`,
        String(entry.findings),
        formatFigure(entry.metrics.prs_started, 'count'),
        formatFigure(entry.metrics.unanswered_prs, 'count'),
        formatFigure(median(entry.metrics, 'pr_time_to_first_response_hours'), 'hours'),
        formatFigure(median(entry.metrics, 'pr_time_to_merge_hours'), 'hours'),
        formatFigure(entry.metrics.first_time_contributors, 'count'),
        `[digests](${url}/issues?q=${encodeURIComponent(`label:${DIGEST_LABEL}`)})`,
      ];
    }),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  return {
    label: 'the repository table',
    importance: 75,
    required: true,
    head: `### Repositories\n\nNeediest first (last 28 days).\n\n${table.header}`,
    rows: table.rows,
  };
}

function renderReviewers(report: OrgReport): BodySection {
  const reviewers = [...report.reviewers]
    .filter((reviewer) => reviewer.open_review_requests + reviewer.reviews_90d > 0)
    .sort((a, b) => b.open_review_requests - a.open_review_requests || b.reviews_90d - a.reviews_90d || a.login.localeCompare(b.login))
    .slice(0, 25);
  if (reviewers.length === 0) return { label: 'the reviewer table', importance: 40, head: '### Reviewers across repositories\n\nNo reviews in the last 90 days.' };
  const table = renderTable(
    ['reviewer', 'open review requests', 'reviews (90 days)', 'repositories'],
    reviewers.map((reviewer) => [
      escapeMarkdown(reviewer.login, { maxLength: 60 }),
      String(reviewer.open_review_requests),
      String(reviewer.reviews_90d),
      String(reviewer.repositories),
    ]),
    ['left', 'right', 'right', 'right'],
  );
  return {
    label: 'the reviewer table',
    importance: 40,
    head: `### Reviewers across repositories\n\nBusiest first (at most 25); a reviewer's load summed over every repository.\n\n${table.header}`,
    rows: table.rows,
  };
}

function renderRepositoryFindings(report: OrgReport): BodySection {
  const byRepository = new Map<string, OrgFinding[]>();
  for (const finding of report.findings) {
    if (finding.repository === null) continue;
    byRepository.set(finding.repository, [...(byRepository.get(finding.repository) ?? []), finding]);
  }
  const rows = [...byRepository.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .map(([repository, findings]) =>
      [
        `- **${escapeMarkdown(repository, { maxLength: 140 })}**: ${pluralize(findings.length, 'finding')}`,
        ...findings.slice(0, 10).map((finding) => `  - ${finding.severity} · ${finding.area === null ? 'repository' : escapeMarkdown(finding.area, { maxLength: 100 })}: ${escapeMarkdown(finding.title, { maxLength: 200 })}`),
        ...(findings.length > 10 ? [`  - and ${findings.length - 10} more in its own digest`] : []),
      ].join('\n'),
    );
  if (rows.length === 0) return { label: 'the repository findings', importance: 30, head: '### Findings by repository\n\nNo repository has findings this week.' };
  return {
    label: 'the repository findings',
    importance: 30,
    head: '### Findings by repository\n\n<details><summary>Each repository’s own findings</summary>\n',
    rows,
    tail: '\n</details>',
  };
}

const SUPPLY_CHAIN_RULE = 'supply-chain-is-secure';

/**
 * Supply-chain findings by repository, most errors first: how many of each severity and the first few titles, so a
 * steering committee sees where the organisation's supply chain is exposed without opening every repository's digest.
 */
function renderSupplyChainByRepository(report: OrgReport): BodySection {
  const byRepository = new Map<string, OrgFinding[]>();
  for (const finding of report.findings) {
    if (finding.repository === null || finding.rule !== SUPPLY_CHAIN_RULE) continue;
    byRepository.set(finding.repository, [...(byRepository.get(finding.repository) ?? []), finding]);
  }
  const count = (findings: readonly OrgFinding[], severity: OrgFinding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  const entries = [...byRepository.entries()].sort(
    ([a, x], [b, y]) => count(y, 'error') - count(x, 'error') || count(y, 'warning') - count(x, 'warning') || a.localeCompare(b),
  );
  const unread = report.repositories.filter((entry) => !entry.supply_chain_analysed).map((entry) => entry.repository);
  const unreadNote =
    unread.length === 0
      ? ''
      : unread.length === report.repositories.length
        ? 'Not analysed: the supply chain is read from GitHub when the digest is published, not from the store.'
        : `Not analysed (could not be read): ${unread.slice(0, 10).map((name) => escapeMarkdown(name, { maxLength: 140 })).join(', ')}${unread.length > 10 ? `, and ${unread.length - 10} more` : ''}.`;
  if (entries.length === 0) {
    const analysed = report.repositories.length - unread.length;
    const none = analysed > 0 ? `No supply-chain finding in the ${pluralize(analysed, 'repository', 'repositories')} analysed.` : '';
    return { label: 'the supply-chain table', importance: 80, head: ['### Supply chain by repository', none, unreadNote].filter(Boolean).join('\n\n') };
  }
  const table = renderTable(
    ['repository', 'errors', 'warnings', 'what (first three)'],
    entries.map(([repository, findings]) => [
      escapeMarkdown(repository, { maxLength: 140 }),
      String(count(findings, 'error')),
      String(count(findings, 'warning')),
      findings
        .slice(0, 3)
        .map((finding) => escapeMarkdown(finding.title, { maxLength: 120 }))
        .join('; ') + (findings.length > 3 ? `; and ${findings.length - 3} more` : ''),
    ]),
    ['left', 'right', 'right', 'left'],
  );
  return {
    label: 'the supply-chain table',
    importance: 80,
    head: `### Supply chain by repository\n\nEach repository's default branch: its workflows and settings, as its own digest reads them; most errors first.\n\n${table.header}`,
    rows: table.rows,
    ...(unreadNote ? { tail: `\n\n${unreadNote}` } : {}),
  };
}

function countFindingsByArea(findings: readonly OrgFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.area !== null) counts.set(finding.area, (counts.get(finding.area) ?? 0) + 1);
  return counts;
}
