import type { Finding, Severity } from '../rules/types.js';
import type { ConfigProblem } from './check-run-view.js';
import { lookUpFallacy } from './fallacy-names.js';
import { listEvidenceMessages, plainText, renderEvidence } from './render-evidence.js';
import { withoutReality } from './render-findings.js';
import { sortFindings } from './render-findings.js';
import { sanitizePlainText } from './sanitize-plain-text.js';

/** A line annotation, shaped as the Checks API takes it. Annotations are plain text: GitHub does not render markdown in them. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** The Checks API accepts at most this many annotations in one request. */
export const ANNOTATIONS_PER_REQUEST = 50;

const LEVELS: Record<Severity, CheckRunAnnotation['annotation_level']> = {
  info: 'notice',
  warning: 'warning',
  error: 'failure',
};

/**
 * Every annotation of a check run: one per finding that points at a file line (most severe first), then one per
 * configuration problem with a line. All of them: the publisher sends them `ANNOTATIONS_PER_REQUEST` at a time.
 */
export function renderAnnotations(findings: readonly Finding[], problems: readonly ConfigProblem[]): CheckRunAnnotation[] {
  return [...renderFindingAnnotations(findings), ...renderConfigAnnotations(problems)];
}

function renderFindingAnnotations(findings: readonly Finding[]): CheckRunAnnotation[] {
  return sortFindings(findings).flatMap((finding) => {
    if (!finding.location) return [];
    const fallacy = lookUpFallacy(finding.fallacy);
    const message = [
      sanitizePlainText(finding.title, 1000),
      listEvidenceMessages(finding.evidence).length > 0 ? `Why: ${sanitizePlainText(listEvidenceMessages(finding.evidence).join(' '), 2000)}` : '',
      renderEvidence(finding.evidence, finding.units, plainText) ? `Numbers: ${renderEvidence(finding.evidence, finding.units, plainText)}` : '',
      finding.advice ? `Advice: ${sanitizePlainText(withoutReality(finding.advice, fallacy.reality), 2000)}` : '',
      `Fallacy ${fallacy.number}: ${fallacy.name}. The Reality: ${fallacy.reality}.`,
    ].filter(Boolean);
    return [
      {
        path: finding.location.path,
        start_line: finding.location.startLine,
        end_line: Math.max(finding.location.endLine, finding.location.startLine),
        annotation_level: LEVELS[finding.severity],
        title: sanitizePlainText(`${fallacy.short}: ${finding.title}`, 255),
        message: message.join('\n'),
      },
    ];
  });
}

function renderConfigAnnotations(problems: readonly ConfigProblem[]): CheckRunAnnotation[] {
  return problems.flatMap((problem) =>
    problem.path && problem.line
      ? [
          {
            path: problem.path,
            start_line: problem.line,
            end_line: problem.line,
            annotation_level: problem.severity === 'error' ? 'failure' : 'warning',
            title: 'fallacy-watch configuration',
            message: sanitizePlainText(problem.message, 2000),
          } satisfies CheckRunAnnotation,
        ]
      : [],
  );
}
