import { sanitizePlainText } from './sanitize-plain-text.js';

/** Zero-width joiner: invisible, but breaks GitHub's `@mention` and `#123` recognisers. */
const ZWJ = '\u200d';
/** Zero-width space: breaks the `https://` and `www.` autolinks (a full issue URL is a cross-reference too). */
const ZWSP = '\u200b';

/** Markdown punctuation escaped with a backslash wherever it appears (CommonMark allows it before any ASCII punctuation). */
const PUNCTUATION = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '$', '#']);

/** Characters that become HTML entities, so no tag, comment or entity can come from user text. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Anything any rule below acts on; text without it (most area names and logins) is returned as is. */
const NEEDS_ESCAPING = /[&<>@#\\`*_[\]|~$]|:\/\/|^\s*[-+\d]|gh-|www\./i;

export interface EscapeOptions {
  /** Cut the text (before escaping) to this many code points, ending with `…`. */
  maxLength?: number;
}

/**
 * Escapes user-controlled text (titles, logins, labels, branch, area and file names) for GitHub-flavoured markdown,
 * safe both in prose and inside a table cell.
 *
 * The scheme, in order:
 * 1. **One line**: control and bidi-override characters are removed; line breaks and tabs become spaces, so no
 *    heading, list, quote or table row can start inside the text.
 * 2. **No HTML**: `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;` (no tag, comment, entity or `<url>` autolink).
 * 3. **No markup**: `` \ ` * _ [ ] | ~ $ # `` get a backslash, so no emphasis, code span, link or image
 *    (`[x](javascript:…)` needs its brackets), strikethrough, math, heading or table-cell break (`\|` is GFM's own
 *    cell escape). A leading `-`, `+` or `1.` / `1)` is escaped too, so the text never starts a list item.
 * 4. **No pings, no references**: a zero-width joiner follows every `@` (no `@login`, `@org/team` or e-mail link)
 *    and every `#` (no `#123`, `owner/repo#123`), and sits between `GH-` and a number; a zero-width space splits
 *    `://` and `www.` (a pasted issue URL would otherwise cross-reference that issue). GitHub recognises these only
 *    as unbroken text, and a backslash alone does not stop them: they are matched after markdown is rendered.
 *
 * Not covered, deliberately: bare commit SHAs (a link, never a notification) and a repository's custom autolink
 * prefixes (`JIRA-123`), which GitHub links but which notify no one.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const line = sanitizePlainText(text, options.maxLength);
  if (!NEEDS_ESCAPING.test(line)) return line;
  let out = '';
  for (const char of line) {
    const entity = ENTITIES[char];
    if (entity !== undefined) out += entity;
    else if (char === '@') out += `@${ZWJ}`;
    else if (char === '#') out += `\\#${ZWJ}`;
    else if (PUNCTUATION.has(char)) out += `\\${char}`;
    else out += char;
  }
  return out
    .replace(/^(\s*)([-+])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/\b(gh)-(?=\d)/gi, `$1-${ZWJ}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}
