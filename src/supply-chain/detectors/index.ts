import { detectCurlPipeShell } from './detect-curl-pipe-shell.js';
import { detectDangerousTriggers } from './detect-dangerous-triggers.js';
import { detectPermissionProblems } from './detect-permission-problems.js';
import { detectScriptInjection } from './detect-script-injection.js';
import { detectUnpinnedActions } from './detect-unpinned-actions.js';
import type { WorkflowDetector } from './workflow-detector.js';

export type { WorkflowDetector } from './workflow-detector.js';

/** Every workflow detector `analyzeWorkflow` runs, in report order. */
export const workflowDetectors: readonly WorkflowDetector[] = [
  detectUnpinnedActions,
  detectPermissionProblems,
  detectDangerousTriggers,
  detectScriptInjection,
  detectCurlPipeShell,
];
