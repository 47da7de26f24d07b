import { z } from 'zod';
import type { CommentRecord } from '../../core/records.js';
import { listSlashCommands } from '../../core/list-slash-commands.js';
import { toIso } from '../../core/time.js';
import { commentSchema, issueSchema, pullRequestSchema, repositoryEnvelopeSchema } from '../payload-schemas.js';
import { emptyBatch, type RecordBatch } from '../record-batch.js';
import { toContributorRecord, toIssueRecord, toPullRequestRecord, toRepositoryRecord } from './to-records.js';

const issueCommentEventSchema = repositoryEnvelopeSchema.extend({
  action: z.string(),
  comment: commentSchema,
  issue: issueSchema,
});

const reviewCommentEventSchema = repositoryEnvelopeSchema.extend({
  action: z.string(),
  comment: commentSchema,
  pull_request: pullRequestSchema,
});

/**
 * `issue_comment.*`: a conversation comment on an issue or PR. For an issue the issue snapshot comes along; a PR's
 * `issue` object lacks the PR's own fields, so only the comment is kept. `deleted` leaves a tombstone.
 */
export function normalizeIssueComment(payload: unknown, installationId: number): RecordBatch {
  const event = issueCommentEventSchema.parse(payload);
  const repoId = event.repository.id;
  const onPullRequest = event.issue.pull_request !== undefined && event.issue.pull_request !== null;
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  if (!onPullRequest) {
    batch.issues.push(toIssueRecord(repoId, event.issue, null));
    batch.contributors.push(toContributorRecord(repoId, event.issue.user, event.issue.created_at));
  }
  addComment(batch, repoId, event.action, event.comment, { kind: 'issue', itemNumber: event.issue.number, onPullRequest });
  return batch;
}

/** `pull_request_review_comment.*`: a comment on a diff line, with its PR snapshot. */
export function normalizeReviewComment(payload: unknown, installationId: number): RecordBatch {
  const event = reviewCommentEventSchema.parse(payload);
  const repoId = event.repository.id;
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  batch.pullRequests.push(toPullRequestRecord(repoId, event.pull_request, false));
  batch.contributors.push(toContributorRecord(repoId, event.pull_request.user, event.pull_request.created_at));
  addComment(batch, repoId, event.action, event.comment, { kind: 'review', itemNumber: event.pull_request.number, onPullRequest: true });
  return batch;
}

/** Adds the comment (its slash commands, never its body) and its author, or, for `deleted`, a tombstone that keeps the comment out for good. */
function addComment(
  batch: RecordBatch,
  repoId: number,
  action: string,
  comment: z.infer<typeof commentSchema>,
  where: Pick<CommentRecord, 'kind' | 'itemNumber' | 'onPullRequest'>,
): void {
  if (action === 'deleted') {
    batch.tombstones.push({ repoId, kind: where.kind === 'issue' ? 'issue-comment' : 'review-comment', key: comment.id });
    return;
  }
  if (!comment.user) return;
  batch.comments.push({
    repoId,
    id: comment.id,
    ...where,
    author: comment.user.login,
    authorType: comment.user.type,
    createdAt: toIso(comment.created_at),
    updatedAt: toIso(comment.updated_at),
    deleted: false,
    commands: listSlashCommands(comment.body),
  });
  batch.contributors.push(toContributorRecord(repoId, comment.user, comment.created_at));
}
