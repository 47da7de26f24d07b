import type { Evidence, EvidenceUnit, EvidenceUnits } from '../rules/types.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatDecimal, formatFigure, NO_DATA } from './format-figure.js';
import { sanitizePlainText } from './sanitize-plain-text.js';

/** Longest list shown in full inside evidence; the rest is counted. */
const MAX_LIST_ITEMS = 10;

/** How text is made safe for where it goes: markdown (`escapeMarkdown`) or plain text (`sanitizePlainText`). */
export type TextEscaper = (text: string, options: { maxLength: number }) => string;

/** Plain-text escaper for terminals and annotations. */
export const plainText: TextEscaper = (text, options) => sanitizePlainText(text, options.maxLength);

/**
 * Keys that are for programs, not people: the metric or supply-chain kind a finding is about (its title says it in
 * words), per-item severities (the finding has one), and what other lines show (`messages` as "Why", the file in the
 * title, area counts next to `areas`).
 */
const HIDDEN_KEYS = new Set(['metric', 'kind', 'file', 'severities', 'messages', 'area_counts']);

/** Words for keys whose generic humanizing reads badly. */
const KEY_LABELS: Readonly<Record<string, string>> = {
  n: 'sample size',
  p50_hours: 'median',
  p90_hours: 'p90',
  limit_hours: 'limit',
  previous_p50_hours: 'median in the previous window',
  previous_count: 'count in the previous window',
  areas: 'by area',
  lines: 'lines',
};

/**
 * A finding's evidence as one line: `median: 4.0 d; limit: 72 h; stale owners: alice, bob`. Numbers are shown by the
 * unit the rule declared for their key (`units`, the finding's): `hours` and `days` as durations, a `share` as a
 * percentage, counts and plain numbers with up to two decimals; a key without a declared unit is an error, never
 * guessed from its name. Keys lose their underscores and `_hours`/`_days` suffix (a few get plain words, `previous_…`
 * reads "… in the previous window"). Internal keys (`metric`, `kind`, …) are left out; `areas` is shown with its
 * `area_counts`; line `0` (no line) is dropped. Keys, string values and list items go through `escape` (markdown by
 * default: they may be logins).
 */
export function renderEvidence(evidence: Evidence, units: EvidenceUnits, escape: TextEscaper = escapeMarkdown): string {
  const explained = Array.isArray(evidence.messages);
  return Object.entries(evidence)
    .filter(([key, value]) => !HIDDEN_KEYS.has(key) && !(explained && key === 'count' && value === 1))
    .flatMap(([key, value]) => {
      if (key === 'areas' && Array.isArray(value)) return renderAreaCounts(value as string[], evidence.area_counts, escape);
      if (key === 'lines' && Array.isArray(value)) {
        const lines = (value as number[]).filter((line) => line > 0);
        return lines.length > 0 ? [`lines: ${lines.join(', ')}`] : [];
      }
      return [`${escape(humanizeKey(key), { maxLength: 80 })}: ${formatEvidenceValue(unitOf(units, key), value, escape)}`];
    })
    .join('; ');
}

/** The evidence's explanations (`messages`), each once, for a "Why" line; empty when it has none. */
export function listEvidenceMessages(evidence: Evidence): string[] {
  const messages = evidence.messages;
  return Array.isArray(messages) ? [...new Set(messages.map(String))] : [];
}

function renderAreaCounts(areas: string[], counts: Evidence[string] | undefined, escape: TextEscaper): string[] {
  if (areas.length === 0) return [];
  const numbers = Array.isArray(counts) ? (counts as number[]) : [];
  const parts = areas.map(
    (area, index) => `${area === '/' ? 'the repository root' : escape(area, { maxLength: 60 })}${numbers[index] === undefined ? '' : ` ${numbers[index]}`}`,
  );
  const shown = parts.slice(0, MAX_LIST_ITEMS).join(', ');
  return [`by area: ${parts.length > MAX_LIST_ITEMS ? `${shown} and ${parts.length - MAX_LIST_ITEMS} more` : shown}`];
}

function humanizeKey(key: string): string {
  const label = KEY_LABELS[key];
  if (label) return label;
  const previous = /^previous_(.+)$/.exec(key);
  if (previous) return `${humanizeKey(previous[1]!)} in the previous window`;
  return key.replace(/_(hours|days)$/, '').replace(/_/g, ' ').replace(/\bprs\b/g, 'PRs').replace(/\bp50\b/g, 'median');
}

function unitOf(units: EvidenceUnits, key: string): EvidenceUnit {
  const unit = units[key];
  if (unit === undefined) throw new Error(`evidence key "${key}" has no declared unit`);
  return unit;
}

function formatEvidenceValue(unit: EvidenceUnit, value: Evidence[string], escape: TextEscaper): string {
  if (value === null) return NO_DATA;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return escape(value, { maxLength: 200 });
  if (typeof value === 'number') return formatEvidenceNumber(unit, value);
  const items = (value as (string | number)[]).map((item) =>
    typeof item === 'number' ? formatEvidenceNumber(unit, item) : escape(item, { maxLength: 100 }),
  );
  if (items.length === 0) return 'none';
  const shown = items.slice(0, MAX_LIST_ITEMS).join(', ');
  const more = items.length - MAX_LIST_ITEMS;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

function formatEvidenceNumber(unit: EvidenceUnit, value: number): string {
  switch (unit) {
    case 'hours':
    case 'days':
      return formatFigure(value, unit);
    case 'share':
      return value >= 0 && value <= 1 ? formatFigure(value, 'share') : formatDecimal(value, 2);
    default:
      return formatDecimal(value, 2);
  }
}
