import type { Probot } from 'probot';
import type { Delivery } from '../store/store.js';

/**
 * Hands a delivery (verified off the wire, or read back from the store) to the app's Probot handlers. Probot's
 * `receive` takes an `EmitterWebhookEvent`, whose `name` is the union of GitHub's event names, each with its own
 * payload type; a delivery here is known only as `{ id, name: string, payload }` until a handler reads it (each
 * checks the event and the fields it needs). The cast stands for that, in this one place.
 */
export function receiveDelivery(probot: Pick<Probot, 'receive'>, delivery: Delivery): Promise<void> {
  return probot.receive({ id: delivery.id, name: delivery.name, payload: delivery.payload } as Parameters<Probot['receive']>[0]);
}
