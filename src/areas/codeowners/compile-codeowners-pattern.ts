/**
 * A compiled CODEOWNERS path pattern. `test(path)` takes a repository-relative path without a leading slash
 * (`src/app/main.ts`) and says whether the pattern owns it.
 */
export interface CodeownersPattern {
  /** The pattern as written in the file (escapes kept). */
  source: string;
  /**
   * The pattern's leading literal directory segments when it is anchored at the root (`/src/api/*.go` → `['src',
   * 'api']`), `null` when it can match below any directory (`*.md`, `docs/`, `**​/foo`). Used to index rules.
   */
  anchoredPrefix: string[] | null;
  test: (path: string) => boolean;
}

/**
 * Compiles a CODEOWNERS pattern with GitHub's semantics (which differ from `.gitignore` in places):
 * - a pattern without a slash, or with only a trailing one, matches at any depth (`foo`, `*.md`, `docs/`);
 *   any other slash anchors it at the root (`foo/bar` is `/foo/bar`);
 * - a match on a directory owns everything below it (`foo/bar` owns `foo/bar/baz`), except when the last segment is
 *   a lone `*`: `foo/*` owns the files directly in `foo/`, not deeper ones, and `/*` only the root's files;
 * - a trailing slash matches directories only (`foo/` owns `foo/x`, not a file named `foo`);
 * - `*` and `?` never cross a slash; `**` spans any number of segments (leading, middle or trailing);
 * - `\` escapes the next character (`\*`, `\?`, `\ `); `[`, `]`, `{`, `}`, `!` and every other character are literal
 *   (GitHub supports no character classes), and matching is case-sensitive.
 * Throws on a pattern GitHub rejects (empty, or with `***`).
 */
export function compileCodeownersPattern(source: string): CodeownersPattern {
  if (source === '') throw new Error('empty pattern');
  if (source.includes('***')) throw new Error('pattern cannot contain three consecutive asterisks');
  if (source === '/') return { source, anchoredPrefix: [], test: () => false };

  let segments = source.split('/');
  const rooted = segments[0] === '';
  if (rooted) {
    segments = segments.slice(1);
  } else if (segments.length === 1 || (segments.length === 2 && segments[1] === '')) {
    // A single segment (optionally with a trailing slash) matches below any directory: an implicit leading `**/`.
    if (segments[0] !== '**') segments = ['**', ...segments];
  }
  if (segments.length > 1 && segments[segments.length - 1] === '') segments[segments.length - 1] = '**';

  const anchoredPrefix = literalPrefixOf(segments);
  if (anchoredPrefix !== null && anchoredPrefix.length === segments.length && !source.endsWith('/')) {
    // A plain anchored path (`/docs/api`, `src/main.ts`): a string comparison, no regular expression.
    const literal = anchoredPrefix.join('/');
    return {
      source,
      anchoredPrefix,
      test: (path) => path === literal || (path.startsWith(literal) && path.charCodeAt(literal.length) === 47),
    };
  }
  const regex = new RegExp(buildRegexSource(segments));
  return { source, anchoredPrefix, test: (path) => regex.test(path) };
}

/** The literal (wildcard- and escape-free) leading segments of an anchored pattern, or `null` if it is not anchored. */
function literalPrefixOf(segments: string[]): string[] | null {
  if (segments[0] === '**') return null;
  const prefix: string[] = [];
  for (const segment of segments) {
    if (/[*?\\]/.test(segment)) break;
    prefix.push(segment);
  }
  return prefix;
}

function buildRegexSource(segments: string[]): string {
  const last = segments.length - 1;
  let out = '^';
  let needSlash = false;
  segments.forEach((segment, i) => {
    if (segment === '**') {
      if (i === 0 && i === last) out += '.+';
      else if (i === 0) {
        out += '(?:.+/)?';
        needSlash = false;
      } else if (i === last) out += '/.*';
      else {
        out += '(?:/.+)?';
        needSlash = true;
      }
      return;
    }
    if (needSlash) out += '/';
    needSlash = true;
    if (segment === '*') {
      out += '[^/]+';
      return;
    }
    out += segmentToRegex(segment);
    // A match on a directory owns what is below it.
    if (i === last) out += '(?:/.*)?';
  });
  return `${out}$`;
}

function segmentToRegex(segment: string): string {
  let out = '';
  let escaped = false;
  for (const ch of segment) {
    if (escaped) {
      escaped = false;
      out += escapeRegex(ch);
    } else if (ch === '\\') escaped = true;
    else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += escapeRegex(ch);
  }
  return out;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}
