import type { SupplyChainFinding } from '../types.js';
import type { ScriptSource, WorkflowModel } from '../workflow-model.js';
import { isUntrustedExpression } from './is-untrusted-expression.js';
import type { WorkflowDetector } from './workflow-detector.js';

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/**
 * Finds untrusted `${{ … }}` expressions interpolated into `run:` scripts (and into the inline JavaScript of
 * `actions/github-script`), one finding per expression at the line it is written on. Severity `error`: the
 * expression is substituted before the shell runs, so a crafted title or branch name executes with the job's token.
 */
export const detectScriptInjection: WorkflowDetector = (workflow: WorkflowModel) => {
  const findings: SupplyChainFinding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (step.run) findings.push(...scanScript(workflow.path, step.run, 'run: script'));
      const githubScript = step.uses && !step.uses.alias && /^actions\/github-script@/i.test(step.uses.value);
      if (githubScript && step.scriptInput) {
        findings.push(...scanScript(workflow.path, step.scriptInput, 'github-script "script:"'));
      }
    }
  }
  return findings;
};

function scanScript(path: string, script: ScriptSource, where: string): SupplyChainFinding[] {
  const source = script.sourceLines.map((line) => line.text).join('\n');
  const findings: SupplyChainFinding[] = [];
  for (const match of source.matchAll(EXPRESSION)) {
    const expression = match[1]!.trim();
    if (!isUntrustedExpression(expression)) continue;
    const lineIndex = source.slice(0, match.index).split('\n').length - 1;
    findings.push({
      kind: 'script-injection',
      severity: 'error',
      file: path,
      line: script.sourceLines[lineIndex]?.line ?? script.line,
      message: `untrusted "\${{ ${expression} }}" is interpolated into a ${where}; pass it through an environment variable ("env:") and quote "$VAR" instead`,
    });
  }
  return findings;
}
