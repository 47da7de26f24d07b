import type { Logger } from 'pino';

/**
 * Keeps a started process until SIGTERM or SIGINT, then closes it gracefully and exits (0, or 1 when closing
 * failed). A second signal exits at once.
 */
export function runUntilSignal(process_: { close(): Promise<void> }, log: Logger): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      log.info({ signal }, 'shutting down');
      process_.close().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
