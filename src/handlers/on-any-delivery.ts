import type { Logger } from 'pino';
import { ingestDelivery, type IngestResult, type IngestStore } from '../ingest/ingest-delivery.js';
import { readDeliveryEnvelope } from '../core/read-delivery-envelope.js';
import { isRefreshRequest, type RefreshComment } from './is-refresh-request.js';

/** The parts of Probot's context a delivery handler reads. */
export interface DeliveryContext {
  id: string;
  name: string;
  payload: unknown;
  log: Logger;
}

/** What a queue needs to know about a recorded delivery: its id (the job id) and what it concerns, for logs and fairness. */
export interface DeliveryTicket {
  deliveryId: string;
  event: string;
  /**
   * The payload's `action`: with the event, tells a worker whether the delivery has a reaction (and so needs its
   * installation's and repository's slots). Absent in jobs queued before it was added: such a job is taken to react.
   */
  action?: string;
  /**
   * `issue_comment` only: whether the comment asks for `/fallacy-watch refresh` and its author may. A comment that
   * does not is only stored (no slots, no reactions). Absent (other events, jobs queued before it was added): taken to ask.
   */
  refreshRequest?: boolean;
  /** `undefined` for app-level events (e.g. `github_app_authorization`). */
  installationId: number | undefined;
  repository: string | undefined;
}

/** Hands a recorded delivery to the workers (BullMQ, or the in-process queue). Resolves once it is durably queued. */
export type DispatchDelivery = (ticket: DeliveryTicket) => Promise<void>;

/** `queued`: recorded and handed to the workers; `duplicate`: already finished, nothing queued. */
export interface AcknowledgeResult {
  outcome: 'queued' | 'duplicate';
}

/**
 * Every verified delivery is recorded by its `X-GitHub-Delivery` id before anything else.
 *
 * Without `dispatch` (embedded, inline mode) it is then ingested in the request. With `dispatch` (fast acknowledgement)
 * it is handed to the workers and the request answers at once: a delivery seen before and already finished is not
 * queued again; one recorded but still pending (an earlier attempt crashed, or GitHub redelivered it while queued) is
 * queued again, which the queue de-duplicates by job id. A store or queue failure is rethrown so GitHub records the
 * delivery as failed and it can be redelivered (the missed-deliveries recovery does that).
 */
export async function onAnyDelivery(store: IngestStore, context: DeliveryContext, now: () => Date): Promise<IngestResult>;
export async function onAnyDelivery(store: IngestStore, context: DeliveryContext, now: () => Date, dispatch: DispatchDelivery): Promise<AcknowledgeResult>;
export async function onAnyDelivery(
  store: IngestStore,
  context: DeliveryContext,
  now: () => Date,
  dispatch?: DispatchDelivery,
): Promise<IngestResult | AcknowledgeResult> {
  const ticket = describeDelivery(context);
  const log = context.log.child({
    deliveryId: ticket.deliveryId,
    event: ticket.event,
    installationId: ticket.installationId,
    repository: ticket.repository,
  });
  const delivery = { id: context.id, name: context.name, payload: context.payload };
  try {
    if (!dispatch) {
      const result = await ingestDelivery(store, delivery, log, now());
      log.debug({ outcome: result.outcome }, 'delivery ingested');
      return result;
    }
    const recorded = await store.recordDelivery(delivery, now().toISOString());
    if (recorded.outcome === 'duplicate' && recorded.status !== 'pending') {
      log.debug({ status: recorded.status }, 'delivery already finished; not queued again');
      return { outcome: 'duplicate' };
    }
    await dispatch(ticket);
    log.debug('delivery queued');
    return { outcome: 'queued' };
  } catch (error) {
    log.error({ err: error }, 'delivery could not be stored');
    throw error;
  }
}

/** The ticket of a delivery: its id and event, and the installation and repository its payload names. */
export function describeDelivery(delivery: { id: string; name: string; payload: unknown }): DeliveryTicket {
  const envelope = readDeliveryEnvelope(delivery.payload);
  return {
    deliveryId: delivery.id,
    event: delivery.name,
    ...(envelope.action === undefined ? {} : { action: envelope.action }),
    ...(delivery.name === 'issue_comment' ? { refreshRequest: isRefreshRequest(readComment(delivery.payload)) } : {}),
    installationId: envelope.installationId,
    repository: envelope.repository?.fullName,
  };
}

/** An `issue_comment` payload's comment, if it has one. */
function readComment(payload: unknown): RefreshComment | undefined {
  const comment = typeof payload === 'object' && payload !== null ? (payload as { comment?: unknown }).comment : undefined;
  return typeof comment === 'object' && comment !== null ? (comment as RefreshComment) : undefined;
}
