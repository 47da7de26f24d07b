import type { Logger } from 'pino';
import type { ApplicationFunction, Probot } from 'probot';
import type { GitHubClient } from '../github/client.js';
import type { Store } from '../store/store.js';
import type { AreaChangeFeed } from '../areas/share-area-context-cache.js';
import type { DeliveryJobData, DigestJobData, OrgDigestJobData } from './job-data.js';

/*
 * The contract between the queue workers and the app's post-ingest work. Its own file, so the app's handlers
 * (`handlers/create-worker-handlers.ts`) implement it without importing the loader that imports them.
 */

/** What the handlers of a worker get. */
export interface WorkerHandlerDependencies {
  store: Store;
  now: () => Date;
  log: Logger;
  /**
   * Queue mode (several worker processes): the feed that carries a push's "drop this repository's area sources" to
   * every worker's area cache. Absent in the embedded mode (one process, one cache).
   */
  areaChanges?: AreaChangeFeed;
}

/**
 * The app's post-ingest work, as the worker (and the embedded mode) runs it.
 * `reactions` registers Probot handlers (`app.on('pull_request.opened', …)`): after a delivery's records are
 * stored, the worker hands the delivery to them with `probot.receive`, so `context.octokit` is the installation's
 * client exactly as in a webhook handler. `runDigest` publishes one repository's weekly digest. `inProcess` runs only
 * in the embedded mode.
 */
export interface WorkerHandlers {
  reactions?: ApplicationFunction;
  /**
   * Whether `reactions` may do anything for a delivery of this event and action. Deliveries it says no to are only
   * stored: no installation or repository slot, no `probot.receive`. `ticket` is the delivery's job data (facts the
   * web process read from the payload, e.g. whether a comment asks for a refresh). Absent: every delivery goes to the
   * reactions.
   */
  reactsTo?: (event: string, action: string | undefined, ticket?: DeliveryJobData) => boolean;
  runDigest?: (job: DigestJobData, octokit: GitHubClient) => Promise<void>;
  /** Publishes one organisation's weekly digest (when its settings enable it). */
  runOrgDigest?: (job: OrgDigestJobData, octokit: GitHubClient) => Promise<void>;
  /**
   * The embedded mode's share of what the scaled-out mode does with queued jobs (the weekly digest schedule, the
   * history import of newly installed repositories), started on the webhook server's Probot; returns how to stop it.
   */
  inProcess?: (app: Probot) => { stop(): void };
}

export type CreateWorkerHandlers = (dependencies: WorkerHandlerDependencies) => WorkerHandlers | Promise<WorkerHandlers>;
