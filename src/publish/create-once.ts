/**
 * Whether a failed write may have been applied all the same: GitHub answered 5xx (its front end can time out on a
 * write that went through) or no answer came at all (the connection dropped). A 4xx answer means it was not.
 */
export function isAmbiguousFailure(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status >= 500;
}

/**
 * Octokit request options that turn its retry plugin off for one request: a create that is not idempotent must not
 * be sent again blindly (a 502 after GitHub applied it would make a second check run, comment or issue).
 */
export const NO_BLIND_RETRY = { request: { retries: 0 } } as const;

/**
 * Creates something at most once in effect: `create` is sent once (with {@link NO_BLIND_RETRY}); when it fails
 * ambiguously, `find` looks for what it would have made (by marker, `external_id`, or head SHA and name) and that
 * is the result when found. Otherwise the error propagates and the caller's retry starts again from its own look-up.
 */
export async function createOnce<T>(create: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!isAmbiguousFailure(error)) throw error;
    const found = await find();
    if (found !== undefined) return found;
    throw error;
  }
}
