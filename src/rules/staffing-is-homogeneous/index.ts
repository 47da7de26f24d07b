/** Fallacy 8, "Staffing across project areas is homogeneous": demand spread, bus factor, inactive owners. */
export { metadata } from './metadata.js';
export { configSchema, type StaffingOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
