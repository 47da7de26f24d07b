/**
 * Names the area of a CODEOWNERS rule after the directory its pattern points at, the way a maintainer reads it:
 * - `/src/api/`, `src/api/**`, `/src/api/*.go` → `src/api` (the literal leading directories);
 * - a literal path that is a tracked file (`/src/main.ts`) → its directory `src` (`/` at the root);
 * - `*`, `**`, `/*`, `/**` → `/` (the repository's default owners);
 * - a pattern that can match anywhere and starts with a wildcard (`*.md`, `**​/test/`) → the pattern itself (`*.md`).
 * Escapes are removed from the name (`my\ dir/` → `my dir`).
 */
export function nameCodeownersArea(pattern: string, isTrackedFile: (path: string) => boolean = () => false): string {
  let trimmed = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  while (trimmed.endsWith('/**') || trimmed.endsWith('/*')) trimmed = trimmed.slice(0, trimmed.lastIndexOf('/'));
  if (trimmed === '' || trimmed === '*' || trimmed === '**') return '/';
  const segments = trimmed.split('/');
  const literal: string[] = [];
  for (const segment of segments) {
    if (/(^|[^\\])[*?]/.test(segment)) break;
    literal.push(segment.replace(/\\(.)/g, '$1'));
  }
  if (literal.length === 0) return trimmed;
  const name = literal.join('/');
  if (literal.length === segments.length && isTrackedFile(name)) {
    const slash = name.lastIndexOf('/');
    return slash === -1 ? '/' : name.slice(0, slash);
  }
  return name;
}
