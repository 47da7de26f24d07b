/** Fallacy 3, "Maintainer bandwidth is infinite": review concentration, workload, pending review requests. */
export { metadata } from './metadata.js';
export { configSchema, type BandwidthOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
