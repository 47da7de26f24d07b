/**
 * Rendering: pure functions from view models to what GitHub shows (check run output, sticky PR comment, weekly
 * digest issue) and to terminal text. No I/O, no clock: the publishers call these and post the result.
 */
export { buildCheckRunView, type BuildCheckRunViewInput } from './build-check-run-view.js';
export type { CheckRunView, ConfigProblem } from './check-run-view.js';
export type { DigestView, WeeklyPoint } from './digest-view.js';
export { escapeMarkdown } from './escape-markdown.js';
export { FALLACY_NAMES, lookUpFallacy, type FallacyName } from './fallacy-names.js';
export { CHECK_RUN_TEXT_LIMIT, fitBody, GITHUB_BODY_LIMIT, type BodySection } from './fit-body.js';
export { computeContentHash, findMarker, hasMarker, PR_COMMENT_MARKER, readHash } from './hidden-marker.js';
export type { PrCommentView } from './pr-comment-view.js';
export { ANNOTATIONS_PER_REQUEST, renderAnnotations, type CheckRunAnnotation } from './render-annotations.js';
export { CHECK_RUN_NAME, matchesFailOn, renderCheckRun, type CheckRunOutput } from './render-check-run.js';
export { DIGEST_LABEL, readDigestMarker, renderDigest, renderDigestMarker, renderDigestTitle, type Digest } from './render-digest.js';
export { renderPrComment, type PrComment } from './render-pr-comment.js';
export { renderTerminalSummary } from './render-terminal-summary.js';
export { sanitizePlainText } from './sanitize-plain-text.js';
export { suggestReviewers, type SuggestedReviewer } from './suggest-reviewers.js';
