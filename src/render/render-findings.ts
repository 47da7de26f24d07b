import type { Finding, Severity } from '../rules/types.js';
import { escapeMarkdown } from './escape-markdown.js';
import { lookUpFallacy } from './fallacy-names.js';
import type { BodySection } from './fit-body.js';
import { describeAreaName, renderAppText, ruleDocsUrl, SUPPRESS_DOCS_URL } from './render-app-text.js';
import { listEvidenceMessages, renderEvidence } from './render-evidence.js';
import { renderItemLines } from './render-items.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', info: 'ℹ️' };

export interface FindingSectionOptions {
  /** Markdown heading prefix of each fallacy group, e.g. `###`. */
  heading: string;
  /** `fitBody` importance of the groups. */
  importance: number;
  /** Whether the groups may be dropped whole (otherwise only their rows are shortened). */
  required: boolean;
  /** What a finding without an area is about: `repository` (default), or `organisation` in the organisation digest. */
  wholeScope?: string;
}

/**
 * Findings grouped by fallacy (in the talk's order), one `fitBody` section per fallacy: a heading with the fallacy's
 * name and "The Reality", then one list item per finding (most severe first) citing its numbers. Advice shared by
 * every finding of a group is said once under the heading instead of once per finding.
 */
export function renderFindingSections(findings: readonly Finding[], options: FindingSectionOptions): BodySection[] {
  const groups = new Map<number, Finding[]>();
  for (const finding of sortFindings(findings)) {
    groups.set(finding.fallacy, [...(groups.get(finding.fallacy) ?? []), finding]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, group]) => {
      const fallacy = lookUpFallacy(number);
      const adviceSet = new Set(group.map((finding) => finding.advice));
      const sharedAdvice = adviceSet.size === 1 ? [...adviceSet][0] : undefined;
      const head = [
        `${options.heading} ${number}. ${fallacy.name}`,
        '',
        ...renderAdvice(fallacy.reality, sharedAdvice),
        '',
        renderDocsLine(group[0]!.rule),
        '',
      ].join('\n');
      return {
        label: `findings for fallacy ${number}`,
        importance: options.importance,
        required: options.required,
        head,
        rows: group.map((finding) => renderFindingItem(finding, sharedAdvice === undefined, fallacy.reality, options.wholeScope)),
      };
    });
}

/**
 * "The Reality" and the shared advice as paragraphs: the Reality once, then "Advice" with only what the advice adds
 * (rule advice starts with the Reality, which is not said twice).
 */
function renderAdvice(reality: string, advice: string | undefined): string[] {
  const paragraphs = reality ? [`**The Reality:** ${reality}.`] : [];
  const added = advice ? withoutReality(advice, reality) : '';
  if (added) paragraphs.push(...(paragraphs.length > 0 ? [''] : []), `**Advice:** ${renderAppText(added)}`);
  return paragraphs;
}

/** A finding's advice without the Reality sentence it starts with (the heading above already says it). */
export function withoutReality(advice: string, reality: string): string {
  const simplify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  if (!reality || !simplify(advice).startsWith(simplify(reality))) return advice;
  const rest = advice.slice(realityEnd(advice, reality)).replace(/^[.:;,\s—–-]+/, '');
  return simplify(advice) === simplify(reality) ? '' : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Where the Reality ends in `advice` that starts with it, up to punctuation (`’` for `'`, case). */
function realityEnd(advice: string, reality: string): number {
  const target = reality.toLowerCase().replace(/[^a-z0-9]+/g, '');
  let seen = '';
  for (let index = 0; index < advice.length; index += 1) {
    const char = advice[index]!.toLowerCase();
    if (/[a-z0-9]/.test(char)) seen += char;
    if (seen.length === target.length) {
      // Include what closes the Reality's last word (a bracket, a quote).
      let end = index + 1;
      while (end < advice.length && /[)\]"'’”]/.test(advice[end]!)) end += 1;
      return end;
    }
  }
  return advice.length;
}

/** Where to read how to act on the rule's findings, and how to silence one with a reason. */
function renderDocsLine(rule: string): string {
  return `<sub>[How to act on it](${ruleDocsUrl(rule)}) · [how to silence a finding, with a reason](${SUPPRESS_DOCS_URL})</sub>`;
}

/** Most severe first, then repository-wide before areas, then by area and title, so output is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.fallacy - b.fallacy ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.area ?? '').localeCompare(b.area ?? '') ||
      a.title.localeCompare(b.title),
  );
}

/**
 * One finding as a list item: severity, area, title, then its numbers, why (supply-chain explanations), the items
 * behind it (linked, capped) and its advice when not shared, without the Reality the heading says.
 */
export function renderFindingItem(finding: Finding, withAdvice: boolean, reality = '', wholeScope = 'repository'): string {
  const scope = finding.area === null ? wholeScope : `area ${describeAreaName(finding.area)}`;
  const where = finding.location
    ? ` (${escapeMarkdown(finding.location.path, { maxLength: 200 })} line ${finding.location.startLine})`
    : '';
  const lines = [
    `- ${SEVERITY_ICON[finding.severity]} **${finding.severity}** · ${scope}: ${escapeMarkdown(finding.title, { maxLength: 300 })}${where}`,
  ];
  const evidence = renderEvidence(finding.evidence, finding.units);
  if (evidence) lines.push(`  - Numbers: ${evidence}`);
  const why = listEvidenceMessages(finding.evidence);
  if (why.length > 0) lines.push(`  - Why: ${why.slice(0, 3).map((text) => escapeMarkdown(text, { maxLength: 400 })).join(' ')}`);
  lines.push(...renderItemLines(finding));
  const advice = withAdvice && finding.advice ? withoutReality(finding.advice, reality) : '';
  if (advice) lines.push(`  - Advice: ${renderAppText(advice, { maxLength: 1000 })}`);
  return lines.join('\n');
}
