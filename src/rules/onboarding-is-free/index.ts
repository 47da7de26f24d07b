/** Fallacy 7, "Cost of sustainably onboarding contributors is zero": returning rate, newcomer wait, abandonment. */
export { metadata } from './metadata.js';
export { configSchema, type OnboardingOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
