import type { SupplyChainFinding } from '../types.js';
import type { UsesReference, WorkflowModel } from '../workflow-model.js';
import { isPinnedUses } from './is-pinned-uses.js';
import type { WorkflowDetector } from './workflow-detector.js';

/** Owners whose actions GitHub itself maintains: still mutable tags, but a smaller blast radius (severity `info`). */
const GITHUB_OWNED = /^(actions|github)\//i;

/**
 * Finds `uses:` references (steps and reusable-workflow jobs) not pinned to a commit SHA or image digest.
 * A `uses: *alias` is skipped: the anchored value is reported where it is written, so one fix clears it.
 */
export const detectUnpinnedActions: WorkflowDetector = (workflow: WorkflowModel) => {
  const references: UsesReference[] = [];
  for (const job of workflow.jobs) {
    if (job.uses) references.push(job.uses);
    for (const step of job.steps) if (step.uses) references.push(step.uses);
  }
  return references
    .filter((uses) => !uses.alias && uses.value !== '' && !isPinnedUses(uses.value))
    .map((uses): SupplyChainFinding => {
      const image = uses.value.startsWith('docker://');
      return {
        kind: 'unpinned-action',
        severity: !image && GITHUB_OWNED.test(uses.value) ? 'info' : 'warning',
        file: workflow.path,
        line: uses.line,
        message: image
          ? `container image "${uses.value}" is not pinned to a digest; use "@sha256:<digest>"`
          : `"${uses.value}" is not pinned to a full-length commit SHA; pin it ("@<sha> # <tag>") so a moved tag cannot change what runs`,
      };
    });
};
