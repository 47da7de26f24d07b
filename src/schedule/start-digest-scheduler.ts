import type { Logger } from 'pino';
import type { ConfigValidation } from '../config/config-problem.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { loadOrgConfig, ORG_CONFIG_REPOSITORY } from '../config/load-org-config.js';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import type { OrgConfig } from '../config/org-config-schema.js';
import { publishOrgDigest, type PublishOrgDigestDependencies } from '../application/publish-org-digest.js';
import type { GitHubClient } from '../github/client.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import { createConfigSource } from './create-config-source.js';
import { digestWeekOf, isDigestDue } from './is-digest-due.js';
import { publishDigest, type PublishDigestDependencies } from '../application/publish-digest.js';

/** How the embedded scheduler runs. */
export interface DigestSchedulerOptions {
  /** Time between two checks; default 5 minutes. */
  intervalMs?: number;
  /** How long a repository's config is reused before it is read again; default 1 hour. */
  configTtlMs?: number;
}

/** What the scheduler needs of Probot: `auth()` for the app, `auth(id)` for an installation. */
export interface AppAuthenticator {
  auth(installationId?: number): Promise<unknown>;
}

/** What the scheduler and the digests it publishes share: the store (which repositories, their activity), the clock, the area sources. */
export type DigestSchedulerDependencies = PublishDigestDependencies &
  PublishOrgDigestDependencies & { store: PublishDigestDependencies['store'] & PublishOrgDigestDependencies['store'] };

export interface DigestScheduler {
  /** One pass over every installation and repository; resolves when done (passes never overlap). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * The weekly digest schedule in the embedded mode: every `intervalMs` it lists the app's installations, and for each
 * repository the store holds, posts the digest when its weekday and hour have come in its timezone and this process
 * has not posted this week's yet — unless its organisation config (`.github/fallacy-watch-org.yml`) turned repository
 * digests off; then, per organisation, the organisation digest when that config enables it and it is due. "Once per repository per week" does not rest on this memory: the digest upsert
 * finds this week's issue by its marker, so a restart or a second instance only re-checks it (and edits nothing when
 * nothing changed). A failure in one repository is logged and the others go on. The timer does not keep the
 * process alive.
 */
export function startDigestScheduler(
  app: AppAuthenticator,
  deps: DigestSchedulerDependencies,
  log: Logger,
  options: DigestSchedulerOptions = {},
): DigestScheduler {
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const configTtlMs = options.configTtlMs ?? 60 * 60_000;
  const lastWeekOf = new Map<string, string>();
  const configs = new Map<string, { loadedAt: number; validation: ConfigValidation<FallacyWatchConfig> }>();
  const orgConfigs = new Map<string, { loadedAt: number; config: OrgConfig }>();
  let running: Promise<void> | null = null;

  const loadConfig = async (octokit: GitHubClient, target: RepositoryTarget, key: string) => {
    const now = deps.now().getTime();
    const cached = configs.get(key);
    if (cached && now - cached.loadedAt < configTtlMs) return cached.validation.config;
    const validation = await loadRepositoryConfig(createConfigSource(octokit, target.owner, target.repo, log));
    configs.set(key, { loadedAt: now, validation });
    return validation.config;
  };

  /** The organisation config of `owner`, cached like repositories' configs; throws when GitHub fails (retried next pass). */
  const loadOrgSettings = async (octokit: GitHubClient, installationId: number, owner: string) => {
    const key = `${installationId}/${owner.toLowerCase()}`;
    const now = deps.now().getTime();
    const cached = orgConfigs.get(key);
    if (cached && now - cached.loadedAt < configTtlMs) return cached.config;
    const validation = await loadOrgConfig(octokit, owner);
    for (const problem of validation.errors) log.warn({ organization: owner, problem }, 'organisation config problem; using the defaults');
    orgConfigs.set(key, { loadedAt: now, config: validation.config });
    return validation.config;
  };

  const publishOrgDigestIfDue = async (octokit: GitHubClient, installationId: number, owner: string, orgConfig: OrgConfig) => {
    const key = `org:${installationId}/${owner.toLowerCase()}`;
    const now = deps.now();
    if (!isDigestDue(now, orgConfig.digest, lastWeekOf.get(key) ?? null)) return;
    const home: RepositoryTarget = { installationId, repoId: 0, owner, repo: ORG_CONFIG_REPOSITORY, fullName: `${owner}/${ORG_CONFIG_REPOSITORY}`, defaultBranch: '' };
    await publishOrgDigest(deps, {
      octokit,
      installationId,
      organization: owner,
      orgConfig,
      config: await loadConfig(octokit, home, `${installationId}/${owner}/${ORG_CONFIG_REPOSITORY}`),
      readRepositoryConfig: (target) => loadConfig(octokit, target, `${target.installationId}/${target.repoId}`),
      log,
    });
    lastWeekOf.set(key, digestWeekOf(now, orgConfig.digest.timezone));
  };

  const pass = async () => {
    const appOctokit = (await app.auth()) as GitHubClient;
    const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
    for (const installation of installations) {
      const repositories = await deps.store.listRepositories(installation.id);
      if (repositories.length === 0) continue;
      const octokit = (await app.auth(installation.id)) as GitHubClient;
      const orgSettings = new Map<string, OrgConfig | null>();
      for (const owner of new Set(repositories.map((record) => record.fullName.split('/')[0]!))) {
        try {
          orgSettings.set(owner, await loadOrgSettings(octokit, installation.id, owner));
        } catch (error) {
          // Unknown this pass: the organisation may have turned repository digests off, so none is posted until known.
          orgSettings.set(owner, null);
          log.error({ err: error, organization: owner }, 'organisation config could not be read');
        }
      }
      for (const record of repositories) {
        const key = `${record.installationId}/${record.repoId}`;
        const [owner, repo] = record.fullName.split('/') as [string, string];
        const target: RepositoryTarget = { ...record, owner, repo };
        if (orgSettings.get(owner)?.repositoryDigests !== true) continue;
        // An archived repository is read-only: no digest issue can be opened in it.
        if (record.archived === true) continue;
        try {
          const config = await loadConfig(octokit, target, key);
          const now = deps.now();
          if (!isDigestDue(now, config.digest, lastWeekOf.get(key) ?? null)) continue;
          await publishDigest(deps, { octokit, target, config, log });
          lastWeekOf.set(key, digestWeekOf(now, config.digest.timezone));
        } catch (error) {
          log.error({ err: error, repository: record.fullName }, 'digest could not be published');
        }
      }
      for (const [owner, orgConfig] of orgSettings) {
        if (!orgConfig) continue;
        try {
          await publishOrgDigestIfDue(octokit, installation.id, owner, orgConfig);
        } catch (error) {
          log.error({ err: error, organization: owner }, 'organisation digest could not be published');
        }
      }
    }
  };

  const tick = () => {
    running ??= pass()
      .catch((error: unknown) => log.error({ err: error }, 'digest schedule pass failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
