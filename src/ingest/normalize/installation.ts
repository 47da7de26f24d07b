import { z } from 'zod';
import { emptyBatch } from '../record-batch.js';
import type { NormalizedDelivery } from './normalized-delivery.js';

const installationRepoSchema = z.looseObject({
  id: z.number(),
  full_name: z.string(),
  private: z.boolean().default(false),
});

const installationEventSchema = z.looseObject({
  action: z.string(),
  installation: z.looseObject({ id: z.number() }),
  repositories: z.array(installationRepoSchema).optional(),
});

const installationRepositoriesEventSchema = z.looseObject({
  action: z.string(),
  installation: z.looseObject({ id: z.number() }),
  repositories_added: z.array(installationRepoSchema).default([]),
  repositories_removed: z.array(installationRepoSchema).default([]),
});

/** `installation.created` registers its repositories; `installation.deleted` purges everything of the installation. */
export function normalizeInstallation(payload: unknown): NormalizedDelivery {
  const event = installationEventSchema.parse(payload);
  const installationId = event.installation.id;
  if (event.action === 'deleted') return { type: 'purge-installation', installationId };
  if (event.action !== 'created') return { type: 'ignored', reason: `installation.${event.action}` };
  const batch = emptyBatch(installationId);
  for (const repo of event.repositories ?? []) {
    batch.repositories.push({ installationId, repoId: repo.id, fullName: repo.full_name, defaultBranch: '', private: repo.private });
  }
  return { type: 'records', batch, installationId, repositoryIds: batch.repositories.map((repo) => repo.repoId) };
}

/**
 * `installation_repositories.added` registers repositories (live again if they were removed before); `removed` purges
 * their data and remembers them removed.
 */
export function normalizeInstallationRepositories(payload: unknown): NormalizedDelivery {
  const event = installationRepositoriesEventSchema.parse(payload);
  const installationId = event.installation.id;
  if (event.action === 'removed') {
    return {
      type: 'purge-repositories',
      installationId,
      repositoryIds: event.repositories_removed.map((repo) => repo.id),
    };
  }
  const batch = emptyBatch(installationId);
  for (const repo of event.repositories_added) {
    batch.repositories.push({ installationId, repoId: repo.id, fullName: repo.full_name, defaultBranch: '', private: repo.private });
  }
  return { type: 'add-repositories', batch, installationId, repositoryIds: batch.repositories.map((repo) => repo.repoId) };
}
