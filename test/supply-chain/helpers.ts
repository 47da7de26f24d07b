import { readFileSync } from 'node:fs';
import { analyzeWorkflow } from '../../src/supply-chain/analyze-workflow.js';
import type { SupplyChainFinding, SupplyChainKind } from '../../src/supply-chain/types.js';

/** The vendored Scorecard workflow vectors (`test/fixtures/conformance/workflows/`, Apache-2.0, see SOURCE.md). */
export const WORKFLOW_FIXTURES = new URL('../fixtures/conformance/workflows/', import.meta.url);

/** Reads a file under `test/fixtures/conformance/workflows/`. */
export function readWorkflowFixture(relativePath: string): string {
  return readFileSync(new URL(relativePath, WORKFLOW_FIXTURES), 'utf8');
}

/** A workflow written inline in a test: strips the common indentation and the first empty line. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(...text.split('\n').filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return text
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

/** Analyses an inline workflow as `.github/workflows/ci.yml`. */
export function analyze(text: string): SupplyChainFinding[] {
  return analyzeWorkflow('.github/workflows/ci.yml', text);
}

/** `[line, severity]` of the findings of one kind: the compact shape table tests compare. */
export function linesOf(findings: SupplyChainFinding[], kind: SupplyChainKind): Array<[number, string]> {
  return findings.filter((finding) => finding.kind === kind).map((finding) => [finding.line, finding.severity]);
}
