import { z } from 'zod';
import type { ReviewState } from '../../core/records.js';
import { toIsoOrNull } from '../../core/time.js';
import { pullRequestSchema, repositoryEnvelopeSchema, reviewSchema } from '../payload-schemas.js';
import { emptyBatch, type RecordBatch } from '../record-batch.js';
import { toContributorRecord, toPullRequestRecord, toRepositoryRecord } from './to-records.js';

const reviewEventSchema = repositoryEnvelopeSchema.extend({
  action: z.string(),
  review: reviewSchema,
  pull_request: pullRequestSchema,
});

const STATES: Record<string, ReviewState> = {
  approved: 'APPROVED',
  changes_requested: 'CHANGES_REQUESTED',
  commented: 'COMMENTED',
  dismissed: 'DISMISSED',
  pending: 'PENDING',
};

/** `pull_request_review.*`: the review (dismissals keep their submission time), its PR snapshot and reviewer. */
export function normalizePullRequestReview(payload: unknown, installationId: number): RecordBatch {
  const event = reviewEventSchema.parse(payload);
  const repoId = event.repository.id;
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  batch.pullRequests.push(toPullRequestRecord(repoId, event.pull_request, false));
  batch.contributors.push(toContributorRecord(repoId, event.pull_request.user, event.pull_request.created_at));
  const review = event.review;
  // GitHub's schema types `review.state` as any string on `edited`: a state the app does not know keeps the PR, not the review.
  const state = STATES[review.state.toLowerCase()];
  if (review.user && state) {
    batch.reviews.push({
      repoId,
      id: review.id,
      prNumber: event.pull_request.number,
      author: review.user.login,
      authorType: review.user.type,
      state: event.action === 'dismissed' ? 'DISMISSED' : state,
      submittedAt: toIsoOrNull(review.submitted_at),
      commitId: review.commit_id,
    });
    if (review.submitted_at) batch.contributors.push(toContributorRecord(repoId, review.user, review.submitted_at));
  }
  return batch;
}
