import { escapeHtml } from './escape-html.js';

/** Inline tags GitHub keeps when they carry no attributes; any other `<…>` is shown as text. */
const ALLOWED_TAGS = new Set(['sub', 'sup', 'b', 'i', 'em', 'strong', 'code', 'kbd', 'br', 'del', 's']);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
const TAG = /^<(\/?)([a-z]+)\s*(\/?)>/i;
const COMMENT = /^<!--[\s\S]*?-->/;
const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\/|\.{0,2}\/|[\w.-]+(?:\/|$|#))/i;

/**
 * Renders the inline markdown of one block (GitHub-flavoured subset): backslash escapes, code spans, links, `**`/`*`/`_`
 * emphasis, `~~` strikethrough, entities and a few attribute-free inline tags. Everything else is text, escaped for
 * HTML, so a title that got through `escapeMarkdown` stays text here too. Link targets other than http(s), mailto,
 * fragments and relative paths are dropped (the text stays).
 */
export function renderInlineMarkdown(text: string): string {
  const saved: string[] = [];
  const keep = (html: string) => `\u0000${saved.push(html) - 1}\u0000`;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const rest = text.slice(i);
    if (char === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1]!)) {
      out += keep(escapeHtml(text[i + 1]!));
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(rest)![0];
      const close = text.indexOf(run, i + run.length);
      if (close !== -1) {
        const code = text.slice(i + run.length, close).replace(/\n/g, ' ');
        const trimmed = /^ .* $/.test(code) && code.trim() !== '' ? code.slice(1, -1) : code;
        out += keep(`<code>${escapeHtml(trimmed)}</code>`);
        i = close + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    if (char === '<') {
      const comment = COMMENT.exec(rest);
      if (comment) {
        i += comment[0].length;
        continue;
      }
      const tag = TAG.exec(rest);
      if (tag && ALLOWED_TAGS.has(tag[2]!.toLowerCase())) {
        out += keep(`<${tag[1]}${tag[2]!.toLowerCase()}${tag[3] ? ' /' : ''}>`);
        i += tag[0].length;
        continue;
      }
    }
    if (char === '&') {
      const entity = ENTITY.exec(rest);
      if (entity) {
        out += keep(entity[0]);
        i += entity[0].length;
        continue;
      }
    }
    if (char === '[') {
      const link = parseLink(text, i);
      if (link) {
        const inner = renderInlineMarkdown(link.text);
        out += keep(SAFE_URL.test(link.url) ? `<a href="${escapeHtml(link.url)}">${inner}</a>` : inner);
        i = link.end;
        continue;
      }
    }
    out += char;
    i += 1;
  }
  const html = applyEmphasis(escapeHtml(out));
  return html.replace(/\u0000(\d+)\u0000/g, (_, n: string) => saved[Number(n)]!);
}

function applyEmphasis(html: string): string {
  return html
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(?<![\w])__(?=\S)([\s\S]*?\S)__(?![\w])/g, '<strong>$1</strong>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>')
    .replace(/\*(?=[^\s*])([\s\S]*?[^\s*])\*/g, '<em>$1</em>')
    .replace(/(?<![\w])_(?=\S)([\s\S]*?\S)_(?![\w])/g, '<em>$1</em>')
    .replace(/ {2,}\n/g, '<br>\n');
}

/** `[text](url)` starting at `start`: brackets may nest, and escaped brackets do not count. */
function parseLink(text: string, start: number): { text: string; url: string; end: number } | null {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (char === '[') depth += 1;
    if (char === ']') {
      depth -= 1;
      if (depth > 0) continue;
      const target = /^\(\s*<?([^\s()<>]*)>?(?:\s+"[^"]*")?\s*\)/.exec(text.slice(i + 1));
      if (!target) return null;
      return { text: text.slice(start + 1, i), url: target[1]!, end: i + 1 + target[0].length };
    }
  }
  return null;
}
