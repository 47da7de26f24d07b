import type { Logger } from 'pino';

/**
 * Runs a graceful `close` for at most `graceMs`: when it has not finished by then, `abandon` cuts what is left (open
 * connections) and the returned promise resolves anyway, so the process exits within its grace period whatever is in
 * flight. Work cut that way is not lost: a delivery not yet answered is redelivered by GitHub, one recorded stays
 * pending in the store (the next start, or the pending sweep, takes it up), a BullMQ job goes back to the queue.
 */
export async function closeWithin(close: () => Promise<void>, graceMs: number, log: Pick<Logger, 'warn'>, abandon: () => void = () => undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs);
  });
  const graceful = close().then(() => 'closed' as const);
  try {
    if ((await Promise.race([graceful, expired])) === 'expired') {
      log.warn({ graceMs }, 'grace period over with work in flight; it stays pending and is taken up again');
      abandon();
      graceful.catch(() => undefined);
    }
  } finally {
    clearTimeout(timer);
  }
}
