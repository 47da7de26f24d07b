import { escapeMarkdown } from './escape-markdown.js';
import { sanitizePlainText } from './sanitize-plain-text.js';

/**
 * fallacy-watch's own prose (advice, rule actions) as markdown: its `` `code` `` spans stay code spans, everything
 * else is escaped as user text would be, so the text can carry no other markup, mention or reference. A code span
 * holds no backtick and no line break, so it cannot be closed early.
 */
export function renderAppText(text: string, options: { maxLength?: number } = {}): string {
  const line = sanitizePlainText(text, options.maxLength);
  return line
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? part : part === '' ? '' : escapeMarkdown(part)))
    .join('');
}

/** An area's name for people: `/` (the top-level area of a directory layout) reads "the repository root". */
export function describeAreaName(area: string): string {
  return area === '/' ? 'the repository root' : escapeMarkdown(area, { maxLength: 100 });
}

/** The documentation of each rule: `docs/fallacies.md`, one stable anchor per rule id, and one for silencing. */
export const FALLACIES_DOCS_URL = 'https://github.com/fallacy-watch/fallacy-watch/blob/main/docs/fallacies.md';

/** `…/docs/fallacies.md#feedback-loops-are-tight`: what the rule measures and how to act on its findings. */
export function ruleDocsUrl(rule: string): string {
  return `${FALLACIES_DOCS_URL}#${encodeURIComponent(rule)}`;
}

/** `…/docs/fallacies.md#suppress`: how to silence a finding with a reason. */
export const SUPPRESS_DOCS_URL = `${FALLACIES_DOCS_URL}#suppress`;
