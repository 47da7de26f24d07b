import type { ReportItem } from '../metrics/types.js';
import type { Finding } from '../rules/types.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatFigure } from './format-figure.js';
import { pluralize } from './join-words.js';

/** Most items listed under one finding; the rest are counted ("and 4 more") and linked where GitHub can list them. */
export const MAX_ITEMS_SHOWN = 10;

/**
 * A markdown link to a GitHub page that creates no backlink: `github.com` URLs go through `redirect.github.com`
 * (GitHub's documented way to link without a cross-reference in the linked issue's timeline, so a weekly digest does
 * not write into every PR it lists). Parentheses are percent-encoded so the URL cannot close the link early; a URL
 * that is not http(s) renders as the text alone.
 */
export function renderGitHubLink(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return text;
  if (parsed.hostname === 'github.com') parsed.hostname = 'redirect.github.com';
  return `[${text}](${parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/**
 * The items behind a finding as nested list lines (`indent` before each `-`): a link per item (PR, issue,
 * milestone, person; never `#123` text and never a mention), its title and how long it waited or when it
 * happened; at most `MAX_ITEMS_SHOWN`, then "and N more", with a link to the whole list when GitHub has one.
 */
export function renderItemLines(finding: Pick<Finding, 'items' | 'items_url'>, indent = '  '): string[] {
  const items = finding.items ?? [];
  if (items.length === 0) return [];
  const lines = items.slice(0, MAX_ITEMS_SHOWN).map((item) => `${indent}- ${renderItem(item)}`);
  const more = items.length - MAX_ITEMS_SHOWN;
  const all = finding.items_url ? renderGitHubLink('see them all on GitHub', finding.items_url) : null;
  if (more > 0) lines.push(`${indent}- and ${more} more${all ? ` (${all})` : ''}`);
  else if (all && items.length > 1) lines.push(`${indent}- ${all}`);
  return lines;
}

/** One item: `[PR 12](…) Fix the cache · waiting 4.2 d`. */
export function renderItem(item: ReportItem): string {
  const parts = [renderGitHubLink(itemLabel(item), item.url)];
  if (item.title !== undefined) parts.push(escapeMarkdown(item.title, { maxLength: 90 }));
  const detail = describeItemDetail(item);
  return detail ? `${parts.join(' ')} · ${detail}` : parts.join(' ');
}

/** `PR 12`, `issue 7`, `milestone v1.2`'s number, or an escaped login; `owner/name PR 12` in an organisation report. */
function itemLabel(item: ReportItem): string {
  const label = ownLabel(item);
  return item.repository === undefined || item.kind === 'user' ? label : `${escapeMarkdown(item.repository, { maxLength: 140 })} ${label}`;
}

function ownLabel(item: ReportItem): string {
  switch (item.kind) {
    case 'pull_request':
      return `PR ${item.number}`;
    case 'issue':
      return `issue ${item.number}`;
    case 'milestone':
      return `milestone ${item.number}`;
    case 'user':
      return escapeMarkdown(item.login ?? 'someone', { maxLength: 60 });
  }
}

function describeItemDetail(item: ReportItem): string | null {
  const details: string[] = [];
  if (item.waiting_hours !== undefined) details.push(`waiting ${formatFigure(item.waiting_hours, 'hours')}`);
  if (item.count !== undefined) details.push(pluralize(item.count, 'open review request'));
  if (item.at !== undefined && item.at_label !== undefined) details.push(`${item.at_label} ${item.at.slice(0, 10)}`);
  if (item.kind === 'user' && item.at_label === undefined && item.count === undefined) details.push('no activity in the stored history');
  return details.length > 0 ? details.join(', ') : null;
}
