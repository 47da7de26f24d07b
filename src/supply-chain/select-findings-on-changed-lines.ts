import type { SupplyChainFinding } from './types.js';

/**
 * The findings a pull request is answerable for: those in a file it changes, on a line it adds or changes, plus the
 * file-level ones (`line` 0, e.g. missing `permissions:`) of the files it changes. `changedLines` maps each changed
 * file to its changed lines (see `computeChangedLines`). Repository-wide findings (`file` '') are never selected.
 */
export function selectFindingsOnChangedLines(
  findings: readonly SupplyChainFinding[],
  changedLines: ReadonlyMap<string, ReadonlySet<number>>,
): SupplyChainFinding[] {
  return findings.filter((finding) => {
    const lines = changedLines.get(finding.file);
    return lines !== undefined && (finding.line === 0 || lines.has(finding.line));
  });
}
