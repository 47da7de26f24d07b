import type { ApplicationFunction } from 'probot';
import { type DeliveryContext, onAnyDelivery } from './handlers/on-any-delivery.js';
import { processPendingDeliveries } from './ingest/ingest-delivery.js';
import type { Store } from './store/store.js';

export interface AppDependencies {
  store: Store;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * The fallacy-watch Probot app over a given store. On load it first processes deliveries that were recorded but not
 * finished before the last stop, then ingests every delivery Probot verifies.
 */
export function createApp({ store, now = () => new Date() }: AppDependencies): ApplicationFunction {
  return async (app) => {
    const recovered = await processPendingDeliveries(store, app.log);
    if (recovered > 0) app.log.info({ recovered }, 'processed deliveries left pending by the last run');
    app.onAny(async (context) => {
      await onAnyDelivery(store, context as unknown as DeliveryContext, now);
    });
  };
}
