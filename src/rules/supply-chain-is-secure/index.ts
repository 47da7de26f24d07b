/** Fallacy 5, "Software supply chain is secure": the workflow and repository analysis, as findings. */
export { metadata } from './metadata.js';
export { configSchema, type SupplyChainOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
