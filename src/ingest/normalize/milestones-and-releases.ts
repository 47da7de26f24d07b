import { z } from 'zod';
import { toIso, toIsoOrNull } from '../../core/time.js';
import { milestoneSchema, releaseSchema, repositoryEnvelopeSchema } from '../payload-schemas.js';
import { emptyBatch, type RecordBatch } from '../record-batch.js';
import { toMilestoneRecord, toRepositoryRecord } from './to-records.js';

const milestoneEventSchema = repositoryEnvelopeSchema.extend({ action: z.string(), milestone: milestoneSchema });
const releaseEventSchema = repositoryEnvelopeSchema.extend({ action: z.string(), release: releaseSchema });

/** `milestone.*`: the milestone snapshot; `deleted` leaves a tombstone. */
export function normalizeMilestone(payload: unknown, installationId: number): RecordBatch {
  const event = milestoneEventSchema.parse(payload);
  const batch = emptyBatch(installationId);
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  if (event.action === 'deleted') {
    batch.tombstones.push({ repoId: event.repository.id, kind: 'milestone', key: event.milestone.number });
  } else {
    batch.milestones.push(toMilestoneRecord(event.repository.id, event.milestone));
  }
  return batch;
}

/** `release.*`: the release (drafts included; metrics use published ones); `deleted` leaves a tombstone. */
export function normalizeRelease(payload: unknown, installationId: number): RecordBatch {
  const event = releaseEventSchema.parse(payload);
  const batch = emptyBatch(installationId);
  const repoId = event.repository.id;
  batch.repositories.push(toRepositoryRecord(installationId, event.repository));
  const { release } = event;
  if (event.action === 'deleted') {
    batch.tombstones.push({ repoId, kind: 'release', key: release.id });
    return batch;
  }
  const createdAt = release.created_at ?? release.published_at;
  if (createdAt === null) return batch;
  batch.releases.push({
    repoId,
    id: release.id,
    tagName: release.tag_name,
    name: release.name,
    draft: release.draft,
    prerelease: release.prerelease,
    createdAt: toIso(createdAt),
    publishedAt: toIsoOrNull(release.published_at),
    assetNames: release.assets.map((asset) => asset.name).sort(),
  });
  return batch;
}
