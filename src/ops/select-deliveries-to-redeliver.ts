/** One attempt as `GET /app/hook/deliveries` lists it (the fields the recovery reads). */
export interface HookDeliveryAttempt {
  /** The attempt's id (what `POST /app/hook/deliveries/{id}/attempts` takes). */
  id: number;
  /** The delivery's id (`X-GitHub-Delivery`), shared by every attempt of it. */
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status_code: number;
  event: string;
}

/** How far back the recovery looks: GitHub keeps deliveries three days. */
export const RECOVERY_WINDOW_MS = 3 * 86_400_000;

/**
 * The attempts to redeliver: for each delivery (guid) delivered within the window whose every attempt failed (no
 * 2xx), its latest attempt. A delivery with any successful attempt, or one the app has stored (`isStored`), is left
 * alone. Pure: the caller lists the attempts and asks the store.
 */
export function selectDeliveriesToRedeliver(attempts: readonly HookDeliveryAttempt[], now: Date, isStored: (guid: string) => boolean): HookDeliveryAttempt[] {
  const since = now.getTime() - RECOVERY_WINDOW_MS;
  const byGuid = new Map<string, { latest: HookDeliveryAttempt; succeeded: boolean }>();
  for (const attempt of attempts) {
    const at = Date.parse(attempt.delivered_at);
    if (!Number.isFinite(at) || at < since) continue;
    const ok = attempt.status_code >= 200 && attempt.status_code < 300;
    const entry = byGuid.get(attempt.guid);
    if (!entry) byGuid.set(attempt.guid, { latest: attempt, succeeded: ok });
    else {
      entry.succeeded ||= ok;
      if (at > Date.parse(entry.latest.delivered_at)) entry.latest = attempt;
    }
  }
  return [...byGuid.entries()]
    .filter(([guid, entry]) => !entry.succeeded && !isStored(guid))
    .map(([, entry]) => entry.latest)
    .sort((a, b) => Date.parse(a.delivered_at) - Date.parse(b.delivered_at));
}
