/** Fallacy 2, "Feedback loops are tight": response, review and merge latencies and unanswered items. */
export { metadata } from './metadata.js';
export { configSchema, type FeedbackLoopsOptions } from './config-schema.js';
export { evaluate } from './evaluate.js';
