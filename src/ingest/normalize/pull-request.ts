import { z } from 'zod';
import type { TimelineEventKind, TimelineEventRecord } from '../../core/records.js';
import { toIso } from '../../core/time.js';
import { pullRequestSchema, repositoryEnvelopeSchema, userSchema } from '../payload-schemas.js';
import { emptyBatch, type RecordBatch } from '../record-batch.js';
import { toContributorRecord, toMilestoneRecord, toPullRequestRecord, toRepositoryRecord } from './to-records.js';

const pullRequestEventSchema = repositoryEnvelopeSchema.extend({
  action: z.string(),
  pull_request: pullRequestSchema,
  requested_reviewer: userSchema.nullable().optional(),
  requested_team: z.looseObject({ slug: z.string() }).optional(),
  label: z.looseObject({ name: z.string() }).optional(),
  assignee: userSchema.nullable().optional(),
});

/** Actions that become a timeline event, by the event kind they record. */
const TIMELINE_ACTIONS: Record<string, TimelineEventKind> = {
  ready_for_review: 'ready_for_review',
  converted_to_draft: 'converted_to_draft',
  review_requested: 'review_requested',
  review_request_removed: 'review_request_removed',
  labeled: 'labeled',
  unlabeled: 'unlabeled',
  assigned: 'assigned',
  unassigned: 'unassigned',
  closed: 'closed',
  reopened: 'reopened',
  synchronize: 'pushed',
};

/** `pull_request.*`: the PR snapshot, its author as a contributor, its milestone, and the action as a timeline event. */
export function normalizePullRequest(payload: unknown, installationId: number): RecordBatch {
  const event = pullRequestEventSchema.parse(payload);
  const repoId = event.repository.id;
  const pr = event.pull_request;
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  const record = toPullRequestRecord(repoId, pr, event.action === 'opened' && pr.draft);
  // Only the `opened` delivery tells the association at opening; later ones carry what it has become since.
  if (event.action === 'opened') record.openedAuthorAssociation = pr.author_association;
  batch.pullRequests.push(record);
  batch.contributors.push(toContributorRecord(repoId, pr.user, pr.created_at));
  if (pr.milestone) batch.milestones.push(toMilestoneRecord(repoId, pr.milestone));

  const kind = TIMELINE_ACTIONS[event.action];
  if (kind) {
    const { subject, subjectType } = describeSubject(event);
    const at = kind === 'closed' && pr.closed_at ? pr.closed_at : pr.updated_at;
    const timelineEvent: TimelineEventRecord = {
      repoId,
      itemNumber: pr.number,
      itemKind: 'pr',
      kind,
      actor: event.sender?.login ?? null,
      subject,
      subjectType,
      at: toIso(at),
    };
    batch.events.push(timelineEvent);
  }
  return batch;
}

function describeSubject(event: z.infer<typeof pullRequestEventSchema>): {
  subject: string;
  subjectType: TimelineEventRecord['subjectType'];
} {
  if (event.action === 'review_requested' || event.action === 'review_request_removed') {
    if (event.requested_reviewer) return { subject: event.requested_reviewer.login, subjectType: 'user' };
    if (event.requested_team) return { subject: event.requested_team.slug, subjectType: 'team' };
  }
  if (event.label) return { subject: event.label.name, subjectType: '' };
  if (event.assignee) return { subject: event.assignee.login, subjectType: '' };
  return { subject: '', subjectType: '' };
}
