/** What the supply-chain analysis (fallacy 5) finds in workflows and repository signals. */

export type SupplyChainKind =
  | 'unpinned-action'
  | 'missing-permissions'
  | 'broad-permissions'
  | 'dangerous-trigger'
  | 'script-injection'
  | 'curl-pipe-shell'
  | 'workflow-parse-error'
  | 'no-security-policy'
  | 'no-dependency-updates'
  | 'unsigned-release';

export interface SupplyChainFinding {
  kind: SupplyChainKind;
  severity: 'info' | 'warning' | 'error';
  /** Repository-relative path; `''` for repository-wide signals. */
  file: string;
  /** 1-based line, `0` when the finding is about the whole file or repository. */
  line: number;
  message: string;
}
