import { publishOrgDigest } from '../application/publish-org-digest.js';
import { loadOrgConfig, ORG_CONFIG_REPOSITORY } from '../config/load-org-config.js';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import type { CreateWorkerHandlers } from '../queue/worker-handlers-contract.js';
import { createConfigSource } from '../schedule/create-config-source.js';
import { publishDigest } from '../application/publish-digest.js';
import { startDigestScheduler } from '../schedule/start-digest-scheduler.js';
import { createHandlerDependencies } from './handler-dependencies.js';
import { reactsToDelivery, routeDelivery } from './publish-from-delivery.js';
import { createBackfillSettings, startInstallationBackfill } from './start-installation-backfill.js';
import { onAnyContext } from './on-any-context.js';

/**
 * The post-ingest work for the queue workers (`--handlers` / `WORKER_HANDLERS_MODULE` pointing at this module's built file): `reactions` publishes the
 * check run, comment and refreshes of a stored delivery (failures thrown, so the delivery is retried);
 * `runDigest` publishes one repository's digest of the week when its config enables the digest; `inProcess` (the
 * embedded `web` mode, no Redis) schedules the digests and imports the history of newly installed repositories in
 * this process, as `npm start` does. `areaChanges` (given by each queue worker process) makes a push handled by one
 * worker drop the cached area sources of every worker.
 */
export const createWorkerHandlers: CreateWorkerHandlers = ({ store, now, log, areaChanges }) => {
  const deps = createHandlerDependencies({ store, now, areaChanges, appId: process.env.APP_ID ? Number(process.env.APP_ID) : undefined });
  return {
    reactions: (app) => {
      onAnyContext(app, async (context) => {
        await routeDelivery(deps, context);
      });
    },
    reactsTo: reactsToDelivery,
    inProcess: (app) => {
      const trigger = { store, now, ...createBackfillSettings() };
      onAnyContext(app, (context) => {
        void startInstallationBackfill(trigger, context);
      });
      return startDigestScheduler(app, deps, log);
    },
    runDigest: async (job, octokit) => {
      const record = (await store.findRepositories(job.repository)).find((repository) => repository.installationId === job.installationId);
      if (!record) return;
      const [owner, repo] = record.fullName.split('/') as [string, string];
      const { config } = await loadRepositoryConfig(createConfigSource(octokit, owner, repo, log));
      if (!config.digest.enabled) return;
      await publishDigest(deps, { octokit, target: { ...record, owner, repo }, config, log });
    },
    runOrgDigest: async (job, octokit) => {
      const { config: orgConfig } = await loadOrgConfig(octokit, job.organization);
      if (!orgConfig.digest.enabled) return;
      const { config } = await loadRepositoryConfig(createConfigSource(octokit, job.organization, ORG_CONFIG_REPOSITORY, log));
      await publishOrgDigest(deps, {
        octokit,
        installationId: job.installationId,
        organization: job.organization,
        orgConfig,
        config,
        readRepositoryConfig: async (target) => (await loadRepositoryConfig(createConfigSource(octokit, target.owner, target.repo, log))).config,
        log,
      });
    },
  };
};
