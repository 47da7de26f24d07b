import type { IncomingMessage, ServerResponse } from 'node:http';

/** GitHub caps webhook payloads at 25 MB; a larger body is not a GitHub delivery. */
export const MAX_WEBHOOK_BODY_BYTES = 25 * 1024 * 1024;

/**
 * Answers before any of the body is read: 413 when `content-length` exceeds the limit, 411 when a body comes without
 * a length (chunked: its size is unknown until buffered; GitHub always sends `content-length`). Returns `true` when
 * it answered (the request is done), `false` to let the webhook middleware read the body.
 */
export function rejectOversizedBody(request: IncomingMessage, response: ServerResponse, limit = MAX_WEBHOOK_BODY_BYTES): boolean {
  const length = request.headers['content-length'];
  if (length === undefined) {
    if (request.headers['transfer-encoding'] === undefined) return false;
    answer(request, response, 411, 'content-length required');
    return true;
  }
  if (Number(length) > limit) {
    answer(request, response, 413, `payload larger than ${limit} bytes`);
    return true;
  }
  return false;
}

function answer(request: IncomingMessage, response: ServerResponse, status: number, error: string): void {
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  response.end(JSON.stringify({ error }), () => request.destroy());
}
