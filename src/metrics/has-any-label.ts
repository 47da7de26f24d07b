/** Whether any of `labels` is in `wanted` (lower-cased), ignoring case as GitHub does for label names. */
export function hasAnyLabel(labels: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const label of labels) if (wanted.has(label.toLowerCase())) return true;
  return false;
}
