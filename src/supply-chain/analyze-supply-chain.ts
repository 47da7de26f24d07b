import { analyzeRepositorySignals } from './analyze-repository-signals.js';
import type { RepositorySignalsInput } from './analyze-repository-signals.js';
import { analyzeWorkflow } from './analyze-workflow.js';
import type { WorkflowFile } from './fetch-workflows.js';
import { sortSupplyChainFindings } from './sort-supply-chain-findings.js';
import type { SupplyChainFinding } from './types.js';

/** A repository's whole supply-chain picture: its workflow files plus the repository signals. */
export interface SupplyChainInput extends RepositorySignalsInput {
  workflows: readonly WorkflowFile[];
}

/**
 * All supply-chain findings of a repository (what `RuleInput.supplyChain` carries and the CLI prints): every
 * workflow's findings and the repository-wide ones, sorted (repository-wide first, then by file and line). Pure.
 */
export function analyzeSupplyChain(input: SupplyChainInput): SupplyChainFinding[] {
  return sortSupplyChainFindings([
    ...input.workflows.flatMap((file) => analyzeWorkflow(file.path, file.text)),
    ...analyzeRepositorySignals(input),
  ]);
}
