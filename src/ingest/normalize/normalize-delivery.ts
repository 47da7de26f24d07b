import { z } from 'zod';
import { repositoryEnvelopeSchema } from '../payload-schemas.js';
import { emptyBatch, type RecordBatch } from '../record-batch.js';
import { isSubscribedEvent, SUBSCRIBED_EVENTS } from '../subscribed-events.js';
import { normalizeIssueComment, normalizeReviewComment } from './comments.js';
import { normalizeInstallation, normalizeInstallationRepositories } from './installation.js';
import { normalizeIssues } from './issues.js';
import { normalizeMilestone, normalizeRelease } from './milestones-and-releases.js';
import type { NormalizedDelivery } from './normalized-delivery.js';
import { normalizePullRequest } from './pull-request.js';
import { normalizePullRequestReview } from './pull-request-review.js';
import { toRepositoryRecord } from './to-records.js';

type RepositoryNormalizer = (payload: unknown, installationId: number) => RecordBatch;

const REPOSITORY_EVENTS: Record<string, RepositoryNormalizer> = {
  pull_request: normalizePullRequest,
  pull_request_review: normalizePullRequestReview,
  pull_request_review_comment: normalizeReviewComment,
  issue_comment: normalizeIssueComment,
  issues: normalizeIssues,
  milestone: normalizeMilestone,
  release: normalizeRelease,
  push: normalizeRepositoryOnly,
  check_suite: normalizeRepositoryOnly,
  check_run: normalizeRepositoryOnly,
};

const envelopeSchema = z.looseObject({
  action: z.string().optional(),
  installation: z.looseObject({ id: z.number() }).optional(),
});

/**
 * Turns one webhook delivery into what it means for the store. Pure. Throws (a zod error naming the key) when a
 * payload of a handled action is malformed; returns `ignored` for events and actions fallacy-watch does not use.
 * Deliveries without an installation (e.g. recorded from a repository webhook) belong to installation `0`.
 */
export function normalizeDelivery(name: string, payload: unknown): NormalizedDelivery {
  if (!isSubscribedEvent(name)) return { type: 'ignored', reason: `event ${name} is not subscribed` };
  const envelope = envelopeSchema.parse(payload);
  const action = envelope.action ?? null;
  const actions: readonly (string | null)[] = SUBSCRIBED_EVENTS[name];
  if (!actions.includes(action)) return { type: 'ignored', reason: `${name}.${action ?? ''} is not used` };
  if (name === 'installation') return normalizeInstallation(payload);
  if (name === 'installation_repositories') return normalizeInstallationRepositories(payload);
  const normalize = REPOSITORY_EVENTS[name];
  if (!normalize) return { type: 'ignored', reason: `event ${name} has no normalizer` };
  const installationId = envelope.installation?.id ?? 0;
  const batch = normalize(payload, installationId);
  return {
    type: 'records',
    installationId,
    repositoryIds: [...new Set(batch.repositories.map((repo) => repo.repoId))],
    batch,
  };
}

/** `push` and `check_suite` carry a full repository snapshot (default branch), nothing else to keep. */
function normalizeRepositoryOnly(payload: unknown, installationId: number): RecordBatch {
  const event = repositoryEnvelopeSchema.parse(payload);
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  return batch;
}
