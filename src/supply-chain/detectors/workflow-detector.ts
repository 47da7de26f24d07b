import type { SupplyChainFinding } from '../types.js';
import type { WorkflowModel } from '../workflow-model.js';

/** One kind of workflow check: a pure function from a parsed workflow to its findings (file + line each). */
export type WorkflowDetector = (workflow: WorkflowModel) => SupplyChainFinding[];
