/**
 * Path helpers with the semantics of Go's `path/filepath` as prow's repoowners uses them, so lookups agree with prow
 * on edge cases (`./foo.txt`, `.`, trailing slashes). Paths are repository-relative with `/` separators.
 */

/** Go's `filepath.Clean` for relative paths: drops `.` and empty segments, resolves `..`; `''` becomes `.`. */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !rooted) out.push(segment);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** prow's `canonicalize`: `.` is the root `''`; a trailing slash is dropped (`a/b/` → `a/b`). */
export function canonicalize(path: string): string {
  if (path === '.') return '';
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Go's `filepath.Dir`: everything but the last element, cleaned (`a/b/c` → `a/b`, `a` → `.`, `''` → `.`). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return cleanPath(slash === -1 ? '' : path.slice(0, slash + 1));
}

/** Go's `filepath.Rel(base, target)` for a target at or below base (the only case repoowners asks about). */
export function relativeTo(base: string, target: string): string {
  const from = cleanPath(base);
  const to = cleanPath(target);
  if (from === '.') return to;
  if (to === from) return '.';
  return to.startsWith(`${from}/`) ? to.slice(from.length + 1) : to;
}
