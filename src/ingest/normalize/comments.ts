import { z } from 'zod';
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
  if (event.action === 'deleted') {
    batch.tombstones.push({ repoId, kind: 'issue-comment', key: event.comment.id });
    return batch;
  }
  const { comment } = event;
  if (comment.user) {
    batch.comments.push({
      repoId,
      id: comment.id,
      kind: 'issue',
      itemNumber: event.issue.number,
      onPullRequest,
      author: comment.user.login,
      authorType: comment.user.type,
      createdAt: toIso(comment.created_at),
      updatedAt: toIso(comment.updated_at),
      deleted: false,
    });
    batch.contributors.push(toContributorRecord(repoId, comment.user, comment.created_at));
  }
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
  if (event.action === 'deleted') {
    batch.tombstones.push({ repoId, kind: 'review-comment', key: event.comment.id });
    return batch;
  }
  const { comment } = event;
  if (comment.user) {
    batch.comments.push({
      repoId,
      id: comment.id,
      kind: 'review',
      itemNumber: event.pull_request.number,
      onPullRequest: true,
      author: comment.user.login,
      authorType: comment.user.type,
      createdAt: toIso(comment.created_at),
      updatedAt: toIso(comment.updated_at),
      deleted: false,
    });
    batch.contributors.push(toContributorRecord(repoId, comment.user, comment.created_at));
  }
  return batch;
}
