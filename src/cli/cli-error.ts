/**
 * A mistake the user can fix (a missing file, a malformed argument, a repository not in the store): the CLI prints
 * its message as one line on stderr, without usage or a stack, and exits with `exitCode`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** `owner/repo` as GitHub spells it, or a CliError saying what was expected. */
export function parseFullName(command: string, value: string): { owner: string; name: string } {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!match || match[2] === '.' || match[2] === '..') throw new CliError(`${command}: expected owner/repo, got "${value}"`);
  return { owner: match[1]!, name: match[2]! };
}

/**
 * One line describing any error for stderr: the CliError's message, a file-system error's path and reason, an HTTP
 * error's status and URL, a network failure's cause. Unknown errors keep only their first line; set
 * `FALLACY_WATCH_DEBUG=1` to get the stack too.
 */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (!(error instanceof Error)) return String(error);
  const withCode = error as Error & { code?: string; path?: string; status?: number; request?: { url?: string }; cause?: unknown };
  if (withCode.code === 'ENOENT' && withCode.path) return `no such file or directory: ${withCode.path}`;
  if (withCode.code === 'EACCES' && withCode.path) return `permission denied: ${withCode.path}`;
  if (withCode.code === 'EISDIR') return `is a directory, expected a file${withCode.path ? `: ${withCode.path}` : ''}`;
  const url = withCode.request?.url;
  const cause = networkCause(withCode.cause) ?? networkCause(error);
  if (cause) return `cannot reach ${url ? new URL(url).origin : 'the server'}: ${cause}`;
  if (typeof withCode.status === 'number' && withCode.status > 0) {
    const reason = firstLine(error.message) || 'request failed';
    return `HTTP ${withCode.status} from ${url ?? 'the API'}: ${reason}`;
  }
  return firstLine(error.message) || error.name;
}

function networkCause(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  const code = (cause as Error & { code?: string }).code;
  if (code && /^(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT)$/.test(code)) {
    return `${code}${(cause as Error & { hostname?: string }).hostname ? ` (${(cause as Error & { hostname?: string }).hostname})` : ''}`;
  }
  if (cause.message === 'fetch failed') return networkCause((cause as Error & { cause?: unknown }).cause) ?? 'fetch failed';
  return networkCause((cause as Error & { cause?: unknown }).cause);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
