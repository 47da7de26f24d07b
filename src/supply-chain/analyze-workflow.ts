import { workflowDetectors } from './detectors/index.js';
import { parseWorkflow } from './parse-workflow.js';
import { sortSupplyChainFindings } from './sort-supply-chain-findings.js';
import type { SupplyChainFinding } from './types.js';

/**
 * Every supply-chain finding in one workflow file, sorted by line. Pure: takes the file's path and text.
 * Malformed YAML gives a single `workflow-parse-error` finding at the parser's line (never a throw); an empty
 * file gives none.
 */
export function analyzeWorkflow(path: string, text: string): SupplyChainFinding[] {
  const parsed = parseWorkflow(path, text);
  if (!parsed.ok) return [parsed.finding];
  const workflow = parsed.workflow;
  if (!workflow) return [];
  return sortSupplyChainFindings(workflowDetectors.flatMap((detect) => detect(workflow)));
}
