import type { SupplyChainFinding } from '../types.js';
import type { PermissionsDeclaration, WorkflowModel } from '../workflow-model.js';
import { listJustifiedWriteScopes } from './list-justified-write-scopes.js';
import type { WorkflowDetector } from './workflow-detector.js';

/**
 * Scopes whose write access lets a compromised step change what the project ships: code and releases, packages,
 * workflows and caches, deployments, statuses / checks, code-scanning alerts. Writes to `issues`,
 * `pull-requests`, `discussions`, `id-token` (OIDC) … are routine for bots and are not reported.
 */
export const BROAD_WRITE_SCOPES: readonly string[] = [
  'contents',
  'packages',
  'actions',
  'deployments',
  'statuses',
  'checks',
  'security-events',
];

/**
 * Token-permission problems:
 * - no top-level `permissions:` (`missing-permissions`): every job without its own block gets the repository's
 *   default token, which may write everything. `warning`, or `info` when every job declares its own permissions;
 * - `write-all` at workflow or job level (`broad-permissions`, `error`);
 * - a broad scope (see {@link BROAD_WRITE_SCOPES}) set to `write` (`broad-permissions`, `warning`), at workflow
 *   level always, at job level unless the job's steps show it needs that scope (a release, a package publish,
 *   a SARIF upload).
 */
export const detectPermissionProblems: WorkflowDetector = (workflow: WorkflowModel) => {
  const findings: SupplyChainFinding[] = [];
  if (workflow.permissions === null && workflow.jobs.length > 0) {
    const everyJobDeclares = workflow.jobs.every((job) => job.permissions !== null);
    findings.push({
      kind: 'missing-permissions',
      severity: everyJobDeclares ? 'info' : 'warning',
      file: workflow.path,
      line: 0,
      message: everyJobDeclares
        ? 'no top-level "permissions:"; every job declares its own today, but a new job would get the default token — add "permissions: {}" or "contents: read" at the top'
        : 'no top-level "permissions:", so jobs get the repository\'s default GITHUB_TOKEN permissions — add "permissions: contents: read" at the top and grant writes per job',
    });
  }
  if (workflow.permissions) findings.push(...checkDeclaration(workflow.path, workflow.permissions, 'workflow', new Set()));
  for (const job of workflow.jobs) {
    if (!job.permissions) continue;
    findings.push(...checkDeclaration(workflow.path, job.permissions, `job "${job.id}"`, listJustifiedWriteScopes(job)));
  }
  return findings;
};

function checkDeclaration(
  path: string,
  declaration: PermissionsDeclaration,
  where: string,
  justified: Set<string>,
): SupplyChainFinding[] {
  if (declaration.all) {
    if (declaration.all.value.toLowerCase() !== 'write-all') return [];
    return [
      {
        kind: 'broad-permissions',
        severity: 'error',
        file: path,
        line: declaration.all.line,
        message: `${where} grants "write-all" to the GITHUB_TOKEN; grant only the scopes it needs`,
      },
    ];
  }
  return declaration.scopes
    .filter(({ scope, value }) => value.toLowerCase() === 'write' && BROAD_WRITE_SCOPES.includes(scope.toLowerCase()))
    .filter(({ scope }) => !justified.has(scope.toLowerCase()))
    .map(({ scope, line }) => ({
      kind: 'broad-permissions' as const,
      severity: 'warning' as const,
      file: path,
      line,
      message:
        where === 'workflow'
          ? `workflow-level "${scope}: write" applies to every job; move it to the job that needs it`
          : `${where} has "${scope}: write" but none of its steps evidently needs it; drop it or narrow it`,
    }));
}
