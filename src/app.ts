import type { ApplicationFunction } from 'probot';
import { createApp } from './create-app.js';
import { onAnyDelivery } from './handlers/on-any-delivery.js';
import { createAppMetrics } from './ops/create-app-metrics.js';
import { createOpsHandler } from './ops/create-ops-handler.js';
import { recoverMissedDeliveries } from './ops/recover-missed-deliveries.js';
import { RECOVERY_INTERVAL_MS, scheduleEvery } from './ops/schedule-every.js';
import { createBullDispatcher } from './queue/create-bull-dispatcher.js';
import { createQueues } from './queue/create-queues.js';
import { enqueueInstallationBackfills } from './queue/enqueue-installation-backfills.js';
import { DEFAULT_QUEUE_PREFIX } from './queue/queue-names.js';
import { closeRedisConnection, createRedisConnection } from './queue/redis-connection.js';
import { requeuePendingDeliveries } from './queue/requeue-pending-deliveries.js';
import { openStore } from './store/open-store.js';
import { createBackfillSettings } from './handlers/start-installation-backfill.js';
import { onAnyContext } from './handlers/on-any-context.js';

/**
 * The App entry point `npm start` runs once credentials exist (`src/start.ts`; before that it serves the setup page)
 * and `probot run ./dist/app.js` loads: opens the store `DATABASE_URL` names (SQLite at
 * `./data/fallacy-watch.db` by default), migrates it, and starts the app. With `REDIS_URL` set, deliveries are
 * recorded and queued for `fallacy-watch worker` instead of being processed in the request. Adds `/healthz`,
 * `/readyz` and `/metrics`, and the missed-deliveries recovery (on start, then every 15 minutes).
 *
 * Production runs `fallacy-watch web` instead: under `probot run` the webhook middleware reads a body before any
 * handler of ours sees the request, so only `web` can refuse a body over 25 MB before buffering it.
 */
const app: ApplicationFunction = async (probot, options) => {
  const mirrored = Number(process.env.ACTIVITY_MIRROR_REPOSITORIES);
  const store = await openStore(process.env.DATABASE_URL, {
    ...(process.env.DATABASE_SCHEMA ? { schema: process.env.DATABASE_SCHEMA } : {}),
    ...(process.env.ACTIVITY_MIRROR_REPOSITORIES && Number.isInteger(mirrored) && mirrored >= 0 ? { mirrorRepositories: mirrored } : {}),
  });
  probot.log.info({ backend: store.backend }, 'store ready');
  const metrics = createAppMetrics();
  const checks: Record<string, () => Promise<unknown>> = { store: () => store.getDelivery('readiness-probe') };
  const closers: Array<() => Promise<unknown>> = [];

  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const connection = createRedisConnection(redisUrl, probot.log);
    const queues = createQueues(connection, process.env.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX);
    const dispatch = createBullDispatcher(queues.deliveries);
    metrics.trackQueues([queues.deliveries, queues.backfills, queues.digests]);
    checks.redis = () => connection.ping();
    closers.push(() => queues.close(), () => closeRedisConnection(connection));
    await requeuePendingDeliveries(store, queues.deliveries, probot.log);
    onAnyContext(probot, async (context) => {
      const result = await onAnyDelivery(store, context, () => new Date(), dispatch);
      metrics.countDelivery(context.name, result.outcome);
      if (result.outcome === 'queued') await enqueueInstallationBackfills(queues.backfills, context);
    });
  } else {
    await createApp({ store, scheduler: {}, backfill: createBackfillSettings(), ...(process.env.APP_ID ? { appId: Number(process.env.APP_ID) } : {}) })(probot, options);
  }

  options.addHandler(createOpsHandler({ metrics, checks }));
  const stopRecovery = scheduleEvery(
    async () => recoverMissedDeliveries(await probot.auth(), store, new Date(), probot.log),
    RECOVERY_INTERVAL_MS,
    (error) => probot.log.warn({ err: error }, 'missed-deliveries recovery failed; next run tries again'),
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopRecovery();
      void Promise.allSettled(closers.map((close) => close()))
        .then(() => store.close())
        .finally(() => process.exit(0));
    });
  }
};

export default app;
