import type { IngestLog } from '../ingest/ingest-delivery.js';
import type { Store } from '../store/store.js';
import { type HookDeliveryAttempt, RECOVERY_WINDOW_MS, selectDeliveriesToRedeliver } from './select-deliveries-to-redeliver.js';

/** The app-authenticated (JWT) client calls the recovery makes; Probot's `await probot.auth()` fits. */
export interface AppRequester {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ data: unknown; headers: Record<string, unknown> }>;
}

export interface RecoveryResult {
  listed: number;
  redelivered: number;
  failedRedeliveries: number;
}

/**
 * Lists the app's webhook deliveries of the last three days (`GET /app/hook/deliveries`, newest first, cursor
 * pages) and asks GitHub to redeliver (`POST /app/hook/deliveries/{id}/attempts`) each one that failed and that the
 * store never recorded. GitHub does not retry failed deliveries on its own; this is how none is lost.
 */
export async function recoverMissedDeliveries(client: AppRequester, store: Store, now: Date, log: IngestLog): Promise<RecoveryResult> {
  const since = now.getTime() - RECOVERY_WINDOW_MS;
  const attempts: HookDeliveryAttempt[] = [];
  let cursor: string | undefined;
  for (;;) {
    const response = await client.request('GET /app/hook/deliveries', { per_page: 100, ...(cursor ? { cursor } : {}) });
    const page = response.data as HookDeliveryAttempt[];
    attempts.push(...page);
    cursor = readNextCursor(response.headers.link);
    const oldest = page.at(-1);
    if (!cursor || !oldest || Date.parse(oldest.delivered_at) < since) break;
  }
  const failedGuids = new Set(attempts.filter((a) => a.status_code < 200 || a.status_code >= 300).map((a) => a.guid));
  const stored = new Set<string>();
  for (const guid of failedGuids) if (await store.getDelivery(guid)) stored.add(guid);
  const selected = selectDeliveriesToRedeliver(attempts, now, (guid) => stored.has(guid));
  let redelivered = 0;
  let failedRedeliveries = 0;
  for (const attempt of selected) {
    try {
      await client.request('POST /app/hook/deliveries/{delivery_id}/attempts', { delivery_id: attempt.id });
      redelivered += 1;
      log.info({ deliveryId: attempt.guid, event: attempt.event }, 'missed delivery redelivered');
    } catch (error) {
      failedRedeliveries += 1;
      log.warn({ deliveryId: attempt.guid, err: error }, 'redelivery request failed; next run tries again');
    }
  }
  return { listed: attempts.length, redelivered, failedRedeliveries };
}

/** The `cursor` of the `rel="next"` link, if any. */
export function readNextCursor(link: unknown): string | undefined {
  if (typeof link !== 'string') return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>;\s*rel="next"/.exec(part);
    if (match) return new URL(match[1]!, 'https://api.github.com').searchParams.get('cursor') ?? undefined;
  }
  return undefined;
}
