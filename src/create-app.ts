import type { ApplicationFunction } from 'probot';
import { createHandlerDependencies } from './handlers/handler-dependencies.js';
import { onAnyDelivery } from './handlers/on-any-delivery.js';
import { publishFromDelivery } from './handlers/publish-from-delivery.js';
import { processPendingDeliveries } from './ingest/ingest-delivery.js';
import { type InstallationBackfillTrigger, startInstallationBackfill } from './handlers/start-installation-backfill.js';
import { type DigestSchedulerOptions, startDigestScheduler } from './schedule/start-digest-scheduler.js';
import type { Store } from './store/store.js';
import { onAnyContext } from './handlers/on-any-context.js';

export interface AppDependencies {
  store: Store;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** This app's id (`APP_ID`): check runs, comments and digest issues of other apps are never taken for its own. */
  appId?: number;
  /** Start the in-process weekly digest scheduler (the embedded mode). Tests and the CLI leave it out: no timers. */
  scheduler?: DigestSchedulerOptions;
  /** Import history when the app is installed on repositories (left out in tests and the CLI). */
  backfill?: Omit<InstallationBackfillTrigger, 'store' | 'now'>;
}

/**
 * The fallacy-watch Probot app over a given store. On load it first processes deliveries that were recorded but not
 * finished before the last stop; then every delivery Probot verifies is ingested and, once its records are in the
 * store, published from: the check run and sticky comment on pull request and check suite events, a refresh on
 * `/fallacy-watch refresh`, a dropped area cache on a push that changes area sources, and (with `backfill`) the
 * history import of newly installed repositories.
 */
export function createApp({ store, now = () => new Date(), appId, scheduler, backfill }: AppDependencies): ApplicationFunction {
  return async (app) => {
    const recovered = await processPendingDeliveries(store, app.log);
    if (recovered > 0) app.log.info({ recovered }, 'processed deliveries left pending by the last run');
    const deps = createHandlerDependencies({ store, now, appId });
    onAnyContext(app, async (context) => {
      await onAnyDelivery(store, context, now);
      await publishFromDelivery(deps, context);
      if (backfill) void startInstallationBackfill({ ...backfill, store, now }, context);
    });
    if (scheduler) startDigestScheduler(app, deps, app.log, scheduler);
  };
}
