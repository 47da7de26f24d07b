import type { Logger } from 'pino';
import type { Delivery, Store } from '../store/store.js';
import { normalizeDelivery } from './normalize/normalize-delivery.js';
import type { NormalizedDelivery } from './normalize/normalized-delivery.js';

/** What became of a delivery: stored records (`new`), seen before, not used by the app, or malformed. */
/** What ingesting a delivery does in the store: record it, merge its records (or purge, restore), finish it. */
export type IngestStore = Pick<
  Store,
  'recordDelivery' | 'finishDelivery' | 'applyBatch' | 'purgeInstallation' | 'purgeRepositories' | 'restoreRepositories'
>;

export type IngestOutcome = 'new' | 'duplicate' | 'skipped' | 'failed';

export type IngestLog = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface IngestResult {
  outcome: IngestOutcome;
  /** What the delivery meant, when it was processed now. */
  normalized?: NormalizedDelivery;
}

/**
 * Records a delivery by its id, then processes it. A delivery already processed (or skipped, or failed) is a
 * duplicate and changes nothing; one recorded but never finished (a crash in between) is processed again, which is
 * safe because applying records is idempotent.
 */
export async function ingestDelivery(store: IngestStore, delivery: Delivery, log: IngestLog, receivedAt: Date): Promise<IngestResult> {
  const recorded = await store.recordDelivery(delivery, receivedAt.toISOString());
  if (recorded.outcome === 'duplicate' && recorded.status !== 'pending') return { outcome: 'duplicate' };
  return processDelivery(store, delivery, log);
}

/**
 * Normalizes and stores one recorded delivery and marks it finished. A malformed payload is logged with the delivery
 * id, marked `failed` and skipped; records of an uninstalled installation or of a repository removed from it are
 * skipped (nothing of them is stored again);
 * a store error propagates and leaves the delivery pending for a later retry.
 */
export async function processDelivery(store: IngestStore, delivery: Delivery, log: IngestLog): Promise<IngestResult> {
  const context = { deliveryId: delivery.id, event: delivery.name };
  let normalized: NormalizedDelivery;
  try {
    normalized = normalizeDelivery(delivery.name, delivery.payload);
  } catch (error) {
    const message = describeError(error);
    log.warn({ ...context, err: message }, 'malformed webhook payload skipped');
    await store.finishDelivery(delivery.id, 'failed', message);
    return { outcome: 'failed' };
  }
  switch (normalized.type) {
    case 'ignored':
      log.debug({ ...context, reason: normalized.reason }, 'delivery ignored');
      await store.finishDelivery(delivery.id, 'skipped', normalized.reason);
      return { outcome: 'skipped', normalized };
    case 'purge-installation':
      await store.purgeInstallation(normalized.installationId);
      log.info({ ...context, installationId: normalized.installationId }, 'installation purged');
      break;
    case 'purge-repositories':
      await store.purgeRepositories(normalized.installationId, normalized.repositoryIds);
      log.info({ ...context, installationId: normalized.installationId, repositoryIds: normalized.repositoryIds }, 'repositories purged');
      break;
    case 'add-repositories':
    case 'records': {
      if (normalized.type === 'add-repositories') await store.restoreRepositories(normalized.installationId, normalized.repositoryIds);
      // Stored and finished in one transaction.
      const { skipped } = await store.applyBatch(normalized.batch, { finishDelivery: delivery.id });
      if (skipped !== undefined) {
        log.info({ ...context, installationId: normalized.installationId, reason: skipped }, 'delivery of an uninstalled installation or removed repository skipped');
        await store.finishDelivery(delivery.id, 'skipped', skipped);
        return { outcome: 'skipped' };
      }
      return { outcome: 'new', normalized };
    }
  }
  await store.finishDelivery(delivery.id, 'processed');
  return { outcome: 'new', normalized };
}

/** Processes deliveries recorded before a crash or restart and never finished. Returns how many were processed. */
export async function processPendingDeliveries(store: IngestStore & Pick<Store, 'listPendingDeliveries'>, log: IngestLog, batchSize = 100): Promise<number> {
  let processed = 0;
  for (;;) {
    const pending = await store.listPendingDeliveries(batchSize);
    if (pending.length === 0) return processed;
    for (const delivery of pending) {
      await processDelivery(store, delivery, log);
      processed += 1;
    }
  }
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray((error as { issues: unknown[] }).issues)) {
    return (error as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues
      .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
