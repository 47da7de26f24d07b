import type { MetricSet } from '../metrics/types.js';
import { selectFailingFindings } from '../rules/select-failing-findings.js';
import type { Finding } from '../rules/types.js';
import type { CheckRunView, ConfigProblem } from './check-run-view.js';
import { escapeMarkdown } from './escape-markdown.js';
import { lookUpFallacy } from './fallacy-names.js';
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
      ...renderAreaSection(view),
      ...renderFindingsPart(view.findings),
      ...renderReviewerSection(view),
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

/** One line, no user text: how many findings, of which fallacies, and config errors. */
function renderTitle(view: CheckRunView): string {
  const parts: string[] = [];
  if (view.findings.length === 0) {
    parts.push('No community-health findings');
  } else {
    const fallacies = [...new Set(sortFindings(view.findings).map((finding) => finding.fallacy))];
    parts.push(`${pluralize(view.findings.length, 'finding')}: ${fallacies.map((n) => lookUpFallacy(n).short).join(', ')}`);
  }
  const errors = view.configProblems.filter((problem) => problem.severity === 'error').length;
  if (errors > 0) parts.push(pluralize(errors, 'config error'));
  return sanitizePlainText(parts.join(' · '), 120);
}

function renderIntro(view: CheckRunView, failing: readonly Finding[]): string {
  const areas = view.areas.map((area) => `**${escapeMarkdown(area.area, { maxLength: 100 })}**`);
  const lines = [
    areas.length > 0
      ? `This pull request touches ${joinWords(areas)}. The figures below describe those areas over the report window, not this pull request.`
      : 'This pull request touches no mapped area; the figures below describe the whole repository.',
  ];
  if (failing.length > 0) {
    const rules = [...new Set(failing.map((finding) => finding.rule))].map((rule) => escapeMarkdown(rule));
    lines.push('', `**This check fails** because \`failOn\` lists ${joinWords(rules)}.`);
  } else {
    lines.push('', 'This check is informational: it does not block merging unless the configuration lists a rule in `failOn`.');
  }
  return lines.join('\n');
}

function renderAreaSection(view: CheckRunView): BodySection[] {
  const table = renderTable(
    ['area', ...AREA_FIGURES.map((figure) => figure.label)],
    [
      ['**repository**', ...figuresOf(view.repo)],
      ...view.areas.map((area) => [escapeMarkdown(area.area, { maxLength: 100 }), ...figuresOf(area.metrics)]),
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
    return [{ label: 'the findings', importance: 80, required: true, head: '### Findings\n\nNothing to report for these areas.' }];
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
      `- ${escapeMarkdown(reviewer.login)}: ${pluralize(reviewer.openReviewRequests, 'open review request')}, owns ${joinWords(
        reviewer.areas.map((area) => escapeMarkdown(area, { maxLength: 100 })),
      )}`,
  );
  return [
    {
      label: 'the suggested reviewers',
      importance: 70,
      head: '### Suggested reviewers\n\nActive owners of the touched areas with the fewest open review requests (names only: nobody was notified).\n',
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
      ...view.areas.map((area, index) => renderMetricComparison(escapeMarkdown(area.area, { maxLength: 100 }), area.metrics, area.previous, 50 - index / 1000)),
    ],
    { limit: CHECK_RUN_TEXT_LIMIT },
  ).body;
}

