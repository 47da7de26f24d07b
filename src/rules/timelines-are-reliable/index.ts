/** Fallacy 1, "Timelines are reliable": overdue and slipping milestones, open release blockers, release-cadence drift, reverts. */
export { metadata } from './metadata.js';
export { configSchema, type TimelinesOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
