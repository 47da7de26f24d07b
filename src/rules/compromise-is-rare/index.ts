/** Fallacy 6, "Compromise is a rarity and not the norm": overruled change requests, contested PRs, quorum. */
export { metadata } from './metadata.js';
export { configSchema, type CompromiseOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
