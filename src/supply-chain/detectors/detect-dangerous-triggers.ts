import type { SupplyChainFinding } from '../types.js';
import type { WorkflowModel } from '../workflow-model.js';
import type { WorkflowDetector } from './workflow-detector.js';

/** Triggers that run with the base repository's secrets and a write token even for a fork's pull request. */
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];

/**
 * A ref naming the pull request's code: its head (or merge) commit or branch, the `workflow_run` head, or a
 * `refs/pull/…` ref. `github.event.pull_request.base.*` is the base repository's own code and is trusted.
 */
const UNTRUSTED_REF = /github\.event\.pull_request(?!\.base\b)|github\.event\.workflow_run|github\.head_ref|refs\/pull\//;

/** A shell line that fetches or checks out the pull request's code. */
const SHELL_CHECKOUT = /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|checkout|switch|pull|worktree)\b.*(?:github\.event\.pull_request(?!\.base\b)|github\.event\.workflow_run|github\.head_ref|\bpull\/(?:\$\{\{[^}]*\}\}|[^\s/]+)\/(?:head|merge)\b|refs\/pull\/)/;

/**
 * Finds `pull_request_target` / `workflow_run` workflows that check out or fetch the pull request's head code
 * (`actions/checkout` with such a `ref:` or `repository:`, `gh pr checkout`, `git fetch … pull/N/head` …): that
 * code then runs with secrets and a write token ("pwn request"). Severity `error`. Checking out the default ref
 * (the base branch) is safe and not reported.
 */
export const detectDangerousTriggers: WorkflowDetector = (workflow: WorkflowModel) => {
  const trigger = workflow.triggers.find((name) => PRIVILEGED_TRIGGERS.includes(name));
  if (!trigger) return [];
  const findings: SupplyChainFinding[] = [];
  const report = (line: number, what: string) =>
    findings.push({
      kind: 'dangerous-trigger',
      severity: 'error',
      file: workflow.path,
      line,
      message: `"${trigger}" workflow ${what}: the pull request's code then runs with this repository's secrets and a write token; build it in a "pull_request" workflow instead`,
    });
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const checkout = step.uses && !step.uses.alias && step.uses.value.toLowerCase().includes('actions/checkout');
      const untrustedInput = checkout ? [step.with.ref, step.with.repository].find((input) => input && UNTRUSTED_REF.test(input.value)) : undefined;
      if (untrustedInput) report(untrustedInput.line, `checks out "${untrustedInput.value}"`);
      for (const line of step.run?.sourceLines ?? []) {
        if (SHELL_CHECKOUT.test(line.text)) report(line.line, `fetches the pull request's code ("${line.text.trim()}")`);
      }
    }
  }
  return findings;
};
