import { z } from 'zod';
import type { TimelineEventKind } from '../../core/records.js';
import { toIso } from '../../core/time.js';
import { issueSchema, milestoneSchema, repositoryEnvelopeSchema, userSchema } from '../payload-schemas.js';
import { emptyBatch, type RecordBatch } from '../record-batch.js';
import { toContributorRecord, toIssueRecord, toMilestoneRecord, toRepositoryRecord } from './to-records.js';

const issuesEventSchema = repositoryEnvelopeSchema.extend({
  action: z.string(),
  issue: issueSchema,
  label: z.looseObject({ name: z.string() }).optional(),
  assignee: userSchema.nullable().optional(),
  milestone: milestoneSchema.optional(),
});

const TIMELINE_ACTIONS: Record<string, TimelineEventKind> = {
  closed: 'closed',
  reopened: 'reopened',
  labeled: 'labeled',
  unlabeled: 'unlabeled',
  milestoned: 'milestoned',
  demilestoned: 'demilestoned',
  assigned: 'assigned',
  unassigned: 'unassigned',
};

/**
 * `issues.*`: the issue snapshot, its author, milestone, and the action as a timeline event (who closed an issue is
 * the actor of its `closed` event). `deleted` and `transferred` leave a tombstone: the issue is no longer here.
 */
export function normalizeIssues(payload: unknown, installationId: number): RecordBatch {
  const event = issuesEventSchema.parse(payload);
  const repoId = event.repository.id;
  const { issue } = event;
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  if (event.action === 'deleted' || event.action === 'transferred') {
    batch.tombstones.push({ repoId, kind: 'issue', key: issue.number });
    return batch;
  }
  batch.issues.push(toIssueRecord(repoId, issue, null));
  batch.contributors.push(toContributorRecord(repoId, issue.user, issue.created_at));
  const milestone = issue.milestone ?? event.milestone;
  if (milestone) batch.milestones.push(toMilestoneRecord(repoId, milestone));

  const kind = TIMELINE_ACTIONS[event.action];
  if (kind) {
    const subject =
      event.label?.name ?? event.assignee?.login ?? (kind.endsWith('milestoned') ? (milestone?.title ?? '') : '');
    const at = kind === 'closed' && issue.closed_at ? issue.closed_at : issue.updated_at;
    batch.events.push({
      repoId,
      itemNumber: issue.number,
      itemKind: 'issue',
      kind,
      actor: event.sender?.login ?? null,
      subject,
      subjectType: '',
      at: toIso(at),
    });
  }
  return batch;
}
