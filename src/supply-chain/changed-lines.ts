/**
 * The line numbers (1-based, in the new file) that a unified diff adds or changes, from the `patch` field that
 * `pulls.listFiles` returns (hunks only, no `diff --git` header needed). Removed lines have no new-file line and are
 * not included; a patch of `undefined` (GitHub omits it for binary or very large diffs) gives an empty set.
 */
export function computeChangedLines(patch: string | undefined | null): Set<number> {
  const changed = new Set<number>();
  if (!patch) return changed;
  let newLine = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      newLine = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk || line.startsWith('\\')) continue;
    if (line.startsWith('+')) {
      changed.add(newLine);
      newLine += 1;
    } else if (line.startsWith(' ') || line === '') {
      newLine += 1;
    }
  }
  return changed;
}
