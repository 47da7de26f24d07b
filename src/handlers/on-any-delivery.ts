import type { Logger } from 'pino';
import { ingestDelivery, type IngestResult } from '../ingest/ingest-delivery.js';
import type { Store } from '../store/store.js';

/**
 * Every verified delivery is recorded by its `X-GitHub-Delivery` id and ingested. A malformed payload is logged and
 * skipped inside ingest; a store failure is rethrown so GitHub records the delivery as failed and it can be redelivered.
 */
/** The parts of Probot's context a delivery handler reads. */
export interface DeliveryContext {
  id: string;
  name: string;
  payload: unknown;
  log: Logger;
}

export async function onAnyDelivery(store: Store, context: DeliveryContext, now: () => Date): Promise<IngestResult> {
  const payload = context.payload as { installation?: { id?: number }; repository?: { full_name?: string } };
  const log = context.log.child({
    deliveryId: context.id,
    event: context.name,
    installationId: payload.installation?.id,
    repository: payload.repository?.full_name,
  });
  try {
    const result = await ingestDelivery(store, { id: context.id, name: context.name, payload: context.payload }, log, now());
    log.debug({ outcome: result.outcome }, 'delivery ingested');
    return result;
  } catch (error) {
    log.error({ err: error }, 'delivery could not be stored');
    throw error;
  }
}
