import { escapeHtml } from './escape-html.js';
import { renderInlineMarkdown } from './render-inline-markdown.js';
import { renderXyChartSvg } from './render-xychart-svg.js';

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const RULE = /^ {0,3}(?:-[ \t]*){3,}$|^ {0,3}(?:\*[ \t]*){3,}$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w-]*)/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const COMMENT_LINE = /^\s*<!--[\s\S]*?-->\s*$/;
const DETAILS_LINE = /^\s*<\/?details>\s*$|^\s*<details open>\s*$/i;
const SUMMARY_LINE = /^\s*<summary>(.*)<\/summary>\s*$/i;

/**
 * Converts the GitHub-flavoured markdown fallacy-watch posts to HTML: ATX headings, paragraphs, horizontal rules,
 * block quotes, nested bullet and numbered lists, pipe tables with alignment, fenced code (a mermaid `xychart-beta`
 * block becomes an inline SVG chart), `<details>`/`<summary>`, and HTML comments (dropped). Inline markdown is
 * rendered by {@link renderInlineMarkdown}; any other HTML is escaped, never passed through. Pure.
 */
export function convertMarkdownToHtml(markdown: string): string {
  return renderBlocks(markdown.replace(/\r\n?/g, '\n').split('\n'));
}

function renderBlocks(lines: string[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    if (line.trim().startsWith('<!--')) {
      const end = lines.findIndex((l, j) => j >= i && l.includes('-->'));
      if (COMMENT_LINE.test(line) || end !== -1) {
        i = (COMMENT_LINE.test(line) ? i : end) + 1;
        continue;
      }
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = lines.findIndex((l, j) => j > i && l.trim().startsWith(fence[1]!) && l.trim().replace(/[`~]/g, '') === '');
      const body = lines.slice(i + 1, close === -1 ? lines.length : close).join('\n');
      out.push(renderCodeBlock(fence[2] ?? '', body));
      i = close === -1 ? lines.length : close + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${renderInlineMarkdown(heading[2]!)}</h${level}>`);
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr>');
      i += 1;
      continue;
    }
    if (DETAILS_LINE.test(line)) {
      out.push(line.trim().toLowerCase());
      i += 1;
      continue;
    }
    const summary = SUMMARY_LINE.exec(line);
    if (summary) {
      out.push(`<summary>${renderInlineMarkdown(summary[1]!)}</summary>`);
      i += 1;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      const end = findEnd(lines, i + 2, (l) => l.trim() !== '' && l.includes('|'));
      out.push(renderTable(lines[i]!, lines[i + 1]!, lines.slice(i + 2, end)));
      i = end;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const end = findEnd(lines, i, (l) => /^ {0,3}>/.test(l));
      out.push(`<blockquote>\n${renderBlocks(lines.slice(i, end).map((l) => l.replace(/^ {0,3}> ?/, '')))}\n</blockquote>`);
      i = end;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const list = renderList(lines, i, item[1]!.length);
      out.push(list.html);
      i = list.next;
      continue;
    }
    const end = findEnd(lines, i, (l, j) => j === i || !startsBlock(l));
    out.push(`<p>${renderInlineMarkdown(lines.slice(i, end).map((l) => l.trimStart()).join('\n'))}</p>`);
    i = end;
  }
  return out.join('\n');
}

/** The index of the first line from `start` that `continues` rejects. */
function findEnd(lines: string[], start: number, continues: (line: string, index: number) => boolean): number {
  let j = start;
  while (j < lines.length && continues(lines[j]!, j)) j += 1;
  return j;
}

function startsBlock(line: string): boolean {
  return (
    line.trim() === '' ||
    HEADING.test(line) ||
    RULE.test(line) ||
    FENCE.test(line) ||
    LIST_ITEM.test(line) ||
    /^ {0,3}>/.test(line) ||
    DETAILS_LINE.test(line) ||
    SUMMARY_LINE.test(line) ||
    COMMENT_LINE.test(line)
  );
}

function renderCodeBlock(language: string, body: string): string {
  if (language === 'mermaid') {
    const svg = renderXyChartSvg(body);
    if (svg !== null) return `<figure class="chart">${svg}</figure>`;
  }
  const cls = language ? ` class="language-${escapeHtml(language)}"` : '';
  return `<pre><code${cls}>${escapeHtml(body)}</code></pre>`;
}

/** A list whose items start at `indent` spaces; deeper items nest, continuation lines join their item. */
function renderList(lines: string[], start: number, indent: number): { html: string; next: number } {
  const ordered = /\d/.test(LIST_ITEM.exec(lines[start]!)![2]!);
  const items: string[] = [];
  let i = start;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i]!);
    if (!item || item[1]!.length !== indent || /\d/.test(item[2]!) !== ordered) break;
    const text = [item[3]!];
    let children = '';
    i += 1;
    while (i < lines.length && lines[i]!.trim() !== '') {
      const nested = LIST_ITEM.exec(lines[i]!);
      if (nested && nested[1]!.length > indent) {
        const list = renderList(lines, i, nested[1]!.length);
        children += `\n${list.html}`;
        i = list.next;
      } else if (!nested && /^\s/.test(lines[i]!) && !startsBlock(lines[i]!)) {
        text.push(lines[i]!.trim());
        i += 1;
      } else {
        break;
      }
    }
    items.push(`<li>${renderInlineMarkdown(text.join('\n'))}${children}</li>`);
    const following = i + 1 < lines.length ? LIST_ITEM.exec(lines[i + 1]!) : null;
    if (i < lines.length && lines[i]!.trim() === '' && following && following[1]!.length === indent) i += 1;
  }
  const tag = ordered ? 'ol' : 'ul';
  return { html: `<${tag}>\n${items.join('\n')}\n</${tag}>`, next: i };
}

function renderTable(header: string, delimiter: string, rows: string[]): string {
  const aligns = splitRow(delimiter).map((cell) => {
    const c = cell.trim();
    if (c.startsWith(':') && c.endsWith(':')) return 'center';
    if (c.endsWith(':')) return 'right';
    if (c.startsWith(':')) return 'left';
    return null;
  });
  const cells = (row: string, tag: 'th' | 'td') =>
    aligns
      .map((align, k) => `<${tag}${align ? ` style="text-align:${align}"` : ''}>${renderInlineMarkdown((splitRow(row)[k] ?? '').trim())}</${tag}>`)
      .join('');
  const body = rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${cells(header, 'th')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A table row's cells: `|` splits, except when escaped (`\|`, which becomes `|` as in GFM) or in a code span. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let code = 0;
  const text = row.trim().replace(/^\|/, '');
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\\' && text[i + 1] === '|') {
      cell += '|';
      i += 1;
    } else if (char === '`') {
      code = code === 0 ? 1 : 0;
      cell += char;
    } else if (char === '|' && code === 0) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell.trim() !== '' || !text.endsWith('|')) cells.push(cell);
  return cells;
}
