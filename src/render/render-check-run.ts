import { metadata as compromise } from '../rules/compromise-is-rare/metadata.js';
import type { MetricSet } from '../metrics/types.js';
import { selectFailingFindings } from '../rules/select-failing-findings.js';
import type { Finding } from '../rules/types.js';
import type { CheckRunView, ConfigProblem } from './check-run-view.js';
import { describeAreaName } from './render-app-text.js';
import { EMPTY_METRIC_SET } from './empty-metric-set.js';
import { escapeMarkdown } from './escape-markdown.js';
import { toFallacyName } from './fallacy-names.js';
import { CHECK_RUN_TEXT_LIMIT, fitBody, type BodySection } from './fit-body.js';
import { formatFigure } from './format-figure.js';
import { joinWords, pluralize } from './join-words.js';
import { getKeyMetric, type KeyMetric } from './key-metrics.js';
import { renderAnnotations, type CheckRunAnnotation } from './render-annotations.js';
import { renderFindingSections, sortFindings } from './render-findings.js';
import { renderMetricComparison } from './render-metric-comparison.js';
import { renderTable } from './render-table.js';
import { sanitizePlainText } from './sanitize-plain-text.js';

/** The check run's name on every pull request. */
export const CHECK_RUN_NAME = 'Community health';

/** What the publisher sends: `conclusion` plus `output` (`title`, `summary`, `text`, `annotations`). */
export interface CheckRunOutput {
  conclusion: 'success' | 'neutral' | 'failure';
  title: string;
  summary: string;
  text?: string;
  /** Every annotation; the Checks API takes 50 per request, so the publisher sends them in batches. */
  annotations: CheckRunAnnotation[];
}

/** The figures the check run puts next to the repository's, for each touched area. */
const AREA_FIGURES: readonly KeyMetric[] = [
  getKeyMetric('pr_time_to_first_response_hours'),
  getKeyMetric('pr_time_to_first_review_hours'),
  getKeyMetric('pr_time_to_merge_hours'),
  getKeyMetric('open_review_requests'),
  getKeyMetric('active_reviewers'),
  getKeyMetric('workload_per_active_reviewer'),
];

/**
 * The "Community health" check run of one pull request head commit. Conclusion: `failure` when a finding's rule id
 * or severity is listed in `failOn`; `success` when there is nothing to report (no finding, no config problem);
 * `neutral` otherwise — the check informs, it does not block unless configured to.
 */
export function renderCheckRun(view: CheckRunView): CheckRunOutput {
  const failing = view.findings.filter((finding) => matchesFailOn(finding, view.failOn));
  const conclusion =
    failing.length > 0 ? 'failure' : view.findings.length === 0 && view.configProblems.length === 0 ? 'success' : 'neutral';
  const fitted = fitBody(
    [
      { label: 'the introduction', importance: 100, required: true, head: renderIntro(view, failing) },
      ...renderConfigSection(view.configProblems),
      ...renderOwnSection(view),
      ...renderFindingsPart(view.findings),
      ...renderNotJudged(view),
      ...renderReviewerSection(view),
      ...renderAreaSection(view),
    ],
    { limit: CHECK_RUN_TEXT_LIMIT },
  );
  const output: CheckRunOutput = {
    conclusion,
    title: renderTitle(view),
    summary: fitted.body,
    annotations: renderAnnotations(view.findings, view.configProblems),
  };
  if (view.areas.length > 0) output.text = renderDetails(view);
  return output;
}

/** Whether `failOn` names this finding: its rule id, or a severity at or below the finding's (`warning` fails on errors too). */
export function matchesFailOn(finding: Finding, failOn: readonly string[]): boolean {
  return selectFailingFindings([finding], failOn).length > 0;
}

/**
 * One line in whole words: how many findings, where (`2 findings in sig/storage`; `in 4 areas` when the names would
 * not fit), and config errors. Area names are the only user text; the line is never cut mid-word.
 */
export function renderCheckRunTitle(view: Pick<CheckRunView, 'findings' | 'areas' | 'configProblems'>): string {
  const count = view.findings.length === 0 ? 'No findings' : pluralize(view.findings.length, 'finding');
  const names = view.areas.map((area) => (area.area === '/' ? 'the repository root' : sanitizePlainText(area.area, 60)));
  const errors = view.configProblems.filter((problem) => problem.severity === 'error').length;
  const suffix = errors > 0 ? ` · ${pluralize(errors, 'config error')}` : '';
  const where = (text: string) => `${count} ${text}${suffix}`;
  const candidates =
    names.length === 0
      ? [where("in this pull request's changes")]
      : [where(`in ${joinWords(names)}`), where(`in ${names[0]} and ${pluralize(names.length - 1, 'other area')}`), where(`in ${pluralize(names.length, 'area')}`)];
  return candidates.find((title) => [...title].length <= 120) ?? candidates[candidates.length - 1]!;
}

function renderTitle(view: CheckRunView): string {
  return renderCheckRunTitle(view);
}

function renderIntro(view: CheckRunView, failing: readonly Finding[]): string {
  const areas = view.areas.map((area) => `**${describeAreaName(area.area)}**`);
  const digest = `[the latest weekly digest](${view.digestsUrl})`;
  const lines = [
    areas.length > 0
      ? `This pull request touches ${joinWords(areas)}. Below: what fallacy-watch sees in ${areas.length === 1 ? 'that area' : 'those areas'} and in this pull request. Findings about the whole repository are in ${digest}.`
      : `This pull request touches no mapped area. Below: what fallacy-watch sees in this pull request. Findings about the whole repository are in ${digest}.`,
  ];
  if (failing.length > 0) {
    const rules = [...new Set(failing.map((finding) => finding.rule))].map((rule) => `\`${rule}\``);
    lines.push('', `**This check fails** because \`failOn\` lists ${joinWords(rules)}.`);
  } else {
    lines.push('', 'This check is informational: it does not block merging unless the configuration lists a rule in `failOn`.');
  }
  return lines.join('\n');
}

/** The pull request's own situation: a first contribution, a contested review. */
function renderOwnSection(view: CheckRunView): BodySection[] {
  const lines: string[] = [];
  if (view.own.firstContribution) {
    lines.push("- This is the author's first pull request here: a quick, friendly first response matters most, even a short one that says when a review can happen.");
  }
  const contested = view.own.contestedReview;
  if (contested) {
    const names = (logins: readonly string[]) => joinWords(logins.map((login) => escapeMarkdown(login, { maxLength: 60 })));
    lines.push(
      `- Reviewers disagree: ${names(contested.approvedBy)} approved while ${names(contested.changesRequestedBy)} requested changes. Settle it in writing on the pull request before merging. (${toFallacyName(compromise).reality}.)`,
    );
  }
  if (lines.length === 0) return [];
  return [{ label: 'this pull request', importance: 85, required: true, head: `### This pull request\n\n${lines.join('\n')}` }];
}

/** What could not be judged in the touched areas, folded: too few samples is not health. */
function renderNotJudged(view: CheckRunView): BodySection[] {
  if (view.notJudged.length === 0) return [];
  const rows = view.notJudged.map(
    (entry) =>
      `- ${describeAreaName(entry.area ?? '')}: ${escapeMarkdown(entry.description ?? entry.check, { maxLength: 200 })} Not judged: ${escapeMarkdown(entry.reason, { maxLength: 200 })}.`,
  );
  return [
    {
      label: 'what was not judged',
      importance: 65,
      head: `<details>\n<summary>Not judged in ${view.areas.length === 1 ? 'this area' : 'these areas'}: ${pluralize(view.notJudged.length, 'check')} with too little data</summary>\n`,
      rows,
      tail: '\n</details>',
    },
  ];
}

function renderAreaSection(view: CheckRunView): BodySection[] {
  const table = renderTable(
    ['area', ...AREA_FIGURES.map((figure) => figure.label)],
    [
      ['**repository**', ...figuresOf({ ...EMPTY_METRIC_SET, ...view.repo })],
      ...view.areas.map((area) => [describeAreaName(area.area), ...figuresOf(area.metrics)]),
    ],
    ['left', ...AREA_FIGURES.map(() => 'right' as const)],
  );
  return [
    {
      label: 'the area figures',
      importance: 60,
      head: `### Areas this pull request touches\n\n${table.header}`,
      rows: table.rows,
    },
  ];
}

function figuresOf(metrics: MetricSet): string[] {
  return AREA_FIGURES.map((figure) => formatFigure(figure.pick(metrics), figure.unit));
}

function renderFindingsPart(findings: readonly Finding[]): BodySection[] {
  if (findings.length === 0) {
    return [{ label: 'the findings', importance: 80, required: true, head: '### Findings\n\nNothing to report for these areas or this pull request.' }];
  }
  return [
    { label: 'the findings heading', importance: 80, required: true, head: '### Findings by fallacy' },
    ...renderFindingSections(findings, { heading: '####', importance: 80, required: true }),
  ];
}

function renderReviewerSection(view: CheckRunView): BodySection[] {
  if (view.suggestedReviewers.length === 0) return [];
  const rows = view.suggestedReviewers.map(
    (reviewer) =>
      `- ${escapeMarkdown(reviewer.login)}: owns ${joinWords(reviewer.areas.map(describeAreaName))}; ${pluralize(
        reviewer.openReviewRequests,
        'open review request',
      )}, ${pluralize(reviewer.reviews90d, 'review')} in 90 days`,
  );
  return [
    {
      label: 'the suggested reviewers',
      importance: 70,
      head: '### Suggested reviewers\n\nActive owners of the touched areas with the fewest open review requests, leaving out the author, anyone already requested or who already reviewed, and anyone over the load limit (names only: nobody was notified).\n',
      rows,
    },
  ];
}

function renderConfigSection(problems: readonly ConfigProblem[]): BodySection[] {
  if (problems.length === 0) return [];
  const rows = [...problems]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((problem) => {
      const where = problem.path
        ? ` ${escapeMarkdown(problem.path, { maxLength: 200 })}${problem.line ? ` line ${problem.line}` : ''}:`
        : '';
      return `- ${problem.severity === 'error' ? '🛑 **error**' : '⚠️ **warning**'}${where} ${escapeMarkdown(problem.message, { maxLength: 500 })}`;
    });
  return [
    {
      label: 'the configuration problems',
      importance: 90,
      required: true,
      head: '### Configuration\n\nDefaults were used where the configuration could not be read.\n',
      rows,
    },
  ];
}

/** The check run's `text`: every key metric of the touched areas and the repository, with the change since the previous window. */
function renderDetails(view: CheckRunView): string {
  return fitBody(
    [
      { label: 'the heading', importance: 100, required: true, head: '## Key metrics of the touched areas' },
      ...view.areas.map((area, index) => renderMetricComparison(describeAreaName(area.area), area.metrics, area.previous, 50 - index / 1000)),
    ],
    { limit: CHECK_RUN_TEXT_LIMIT },
  ).body;
}

