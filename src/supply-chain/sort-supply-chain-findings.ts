import type { SupplyChainFinding } from './types.js';

/** A stable report order: file, then line, then kind, then message. Returns a new array. */
export function sortSupplyChainFindings(findings: readonly SupplyChainFinding[]): SupplyChainFinding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.kind.localeCompare(b.kind) ||
      a.message.localeCompare(b.message),
  );
}
