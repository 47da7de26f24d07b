import type { Logger } from 'pino';
import type { Probot } from 'probot';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import { createConfigSource } from '../schedule/create-config-source.js';
import type { DigestSchedule } from '../schedule/is-digest-due.js';
import type { InstalledRepository } from './plan-digest-jobs.js';

/**
 * Reads a repository's `digest` schedule from its config (`.github/fallacy-watch.yml`, defaults where absent) for
 * the queue mode's fan-out, keeping it `ttlMs` (default 1 hour, as the embedded scheduler does) so an hourly fan-out
 * reads each config about once an hour.
 */
export function createDigestScheduleReader(probot: Probot, log: Logger, now: () => Date = () => new Date(), ttlMs = 60 * 60_000) {
  const cache = new Map<string, { readAt: number; schedule: DigestSchedule }>();
  return async (repository: InstalledRepository): Promise<DigestSchedule> => {
    const key = `${repository.installationId}/${repository.repoId}`;
    const cached = cache.get(key);
    if (cached && now().getTime() - cached.readAt < ttlMs) return cached.schedule;
    const octokit = await probot.auth(repository.installationId);
    const [owner, repo] = repository.fullName.split('/') as [string, string];
    const { config } = await loadRepositoryConfig(createConfigSource(octokit, owner, repo, log));
    cache.set(key, { readAt: now().getTime(), schedule: config.digest });
    return config.digest;
  };
}
