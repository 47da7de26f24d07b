import type { Evidence } from '../rules/types.js';
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
 * A finding's evidence as one line: `first review p50: 4.0 d; threshold: 72 h; stale owners: alice, bob`.
 * Keys lose their underscores and unit suffix; a key ending in `_hours` or `_days` is shown as a duration, a
 * `share`, `rate` or `coverage` between 0 and 1 as a percentage; keys, string values and list items go through
 * `escape` (markdown by default: they may be logins).
 */
export function renderEvidence(evidence: Evidence, escape: TextEscaper = escapeMarkdown): string {
  return Object.entries(evidence)
    .map(([key, value]) => `${escape(humanizeKey(key), { maxLength: 80 })}: ${formatEvidenceValue(key, value, escape)}`)
    .join('; ');
}

function humanizeKey(key: string): string {
  return key.replace(/_(hours|days)$/, '').replace(/_/g, ' ');
}

function formatEvidenceValue(key: string, value: Evidence[string], escape: TextEscaper): string {
  if (value === null) return NO_DATA;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return escape(value, { maxLength: 200 });
  if (typeof value === 'number') return formatEvidenceNumber(key, value);
  const items = (value as (string | number)[]).map((item) =>
    typeof item === 'number' ? formatEvidenceNumber(key, item) : escape(item, { maxLength: 100 }),
  );
  if (items.length === 0) return 'none';
  const shown = items.slice(0, MAX_LIST_ITEMS).join(', ');
  const more = items.length - MAX_LIST_ITEMS;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

function formatEvidenceNumber(key: string, value: number): string {
  if (key.endsWith('_hours')) return formatFigure(value, 'hours');
  if (key.endsWith('_days')) return formatFigure(value, 'days');
  if (/share|rate|coverage/.test(key) && value >= 0 && value <= 1) return formatFigure(value, 'share');
  return formatDecimal(value, 2);
}
