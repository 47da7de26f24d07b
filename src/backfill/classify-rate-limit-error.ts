/** What to do about a failed GraphQL request. */
export type RateLimitVerdict =
  | { type: 'wait'; ms: number; reason: 'retry-after' | 'primary-limit' | 'secondary-limit' | 'server-error' }
  | { type: 'fail' };

interface ErrorShape {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
  headers?: Record<string, string | number | undefined>;
  errors?: Array<{ type?: string; message?: string }>;
}

/** GitHub asks to wait at least a minute after a secondary limit that names no `retry-after`. */
export const SECONDARY_LIMIT_BACKOFF_MS = 60_000;
const SERVER_ERROR_BACKOFF_MS = 1_000;

/**
 * Classifies an Octokit error (`RequestError` for HTTP failures, `GraphqlResponseError` for a 200 with `errors`)
 * following GitHub's rate-limit guidance: a `retry-after` header is obeyed; a primary limit (`x-ratelimit-remaining:
 * 0`, or a `RATE_LIMITED` GraphQL error) waits until `x-ratelimit-reset`; any other 403/429 that mentions a
 * secondary limit backs off exponentially from one minute; 502/503/504 (GitHub's GraphQL timeouts) back off from one
 * second. `attempt` is 0 for the first failure. `nowMs` is the current time.
 */
export function classifyRateLimitError(error: unknown, attempt: number, nowMs: number): RateLimitVerdict {
  const e = (error ?? {}) as ErrorShape;
  const headers = e.response?.headers ?? e.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const status = e.status;
  const rateLimited = e.errors?.some((item) => item.type === 'RATE_LIMITED') ?? false;
  if ((status === 403 || status === 429 || rateLimited) && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return { type: 'wait', ms: retryAfter * 1000, reason: 'retry-after' };
  }
  const reset = Number(headers['x-ratelimit-reset']);
  if ((rateLimited || headers['x-ratelimit-remaining'] === '0' || headers['x-ratelimit-remaining'] === 0) && Number.isFinite(reset)) {
    return { type: 'wait', ms: Math.max(0, reset * 1000 - nowMs) + 1000, reason: 'primary-limit' };
  }
  if (status === 429 || rateLimited || (status === 403 && /rate limit|abuse/i.test(e.message ?? ''))) {
    return { type: 'wait', ms: SECONDARY_LIMIT_BACKOFF_MS * 2 ** attempt, reason: 'secondary-limit' };
  }
  if (status === 502 || status === 503 || status === 504) {
    return { type: 'wait', ms: SERVER_ERROR_BACKOFF_MS * 2 ** attempt, reason: 'server-error' };
  }
  return { type: 'fail' };
}
