/** Fallacy 4, "Commitments don't change": breaking changes, regressions, stale owners. */
export { metadata } from './metadata.js';
export { configSchema, type CommitmentsOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
