import type { Logger } from 'pino';

/** The longest reason a log line carries (characters): a line never grows with the request it is about. */
export const MAX_LOGGED_REASON = 300;

/**
 * The reason of a failure, as logs carry it: the error's message (and those an `AggregateError` gathers), cut to
 * {@link MAX_LOGGED_REASON} characters. Never a payload: Octokit's webhook errors carry the whole event and Octokit's
 * request errors the request body, which this leaves out.
 */
export function describeFailure(error: unknown): string {
  const messages =
    error instanceof AggregateError && error.errors.length > 0
      ? error.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner)))
      : [error instanceof Error ? error.message : typeof error === 'string' ? error : String(error)];
  return truncate(messages.join('; '));
}

function truncate(text: string): string {
  return text.length > MAX_LOGGED_REASON ? `${text.slice(0, MAX_LOGGED_REASON)}…` : text;
}

/** What a logged error becomes: its type, code or status, and {@link describeFailure}'s reason. */
export function serializeError(error: unknown): unknown {
  if (typeof error === 'string') return truncate(error);
  if (!(error instanceof Error)) return typeof error === 'object' && error !== null ? '[object]' : error;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    type: error.name,
    message: describeFailure(error),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
  };
}

/** A webhook event logged under `event` (Probot logs `{ event }` on receipt) becomes its id and name. */
function serializeEvent(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return typeof event === 'string' ? truncate(event) : event;
  const { id, name } = event as { id?: unknown; name?: unknown };
  return { id: typeof id === 'string' ? id : undefined, name: typeof name === 'string' ? name : undefined };
}

/**
 * The logger of a web or worker process, Probot's included: errors (`err`, and an `Error` logged as the object) and
 * events (`event`) are reduced to what identifies them, so no body, payload or request sent to GitHub reaches the log,
 * and no line grows with the size of what it is about.
 */
export function createSafeLog(log: Logger): Logger {
  return log.child({}, { serializers: { err: serializeError, error: serializeError, event: serializeEvent, payload: () => '[payload]', body: () => '[body]' } });
}
