import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ByteBudget } from './create-byte-budget.js';
import { describeFailure } from './safe-log.js';
import { readDeliveryEnvelope } from '../core/read-delivery-envelope.js';

/** GitHub caps webhook payloads at 25 MB; a larger body is not a GitHub delivery. */
export const MAX_WEBHOOK_BODY_BYTES = 25 * 1024 * 1024;
/** GitHub gives up on a delivery after 10 s; the answer comes before. */
export const ACK_DEADLINE_MS = 9_000;
/** Deeper JSON is no GitHub payload (theirs nest about 10 deep); it is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** A verified, parsed delivery, as Probot's `receive` takes it. */
export interface VerifiedDelivery {
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

export interface WebhookReceiverOptions {
  secret: string;
  /** Bytes of bodies held at once, all requests together: over it a request is answered 503 before its body is read. */
  budget: ByteBudget;
  /** Records and queues a delivery; resolves once it is durably recorded. */
  receive(delivery: VerifiedDelivery): Promise<void>;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  maxBodyBytes?: number;
  /** From the request's headers to its answer (ms): a body not read by then is refused (408), a delivery not recorded by then is answered 503. */
  deadlineMs?: number;
  maxDepth?: number;
}

/** A request answered with `status`; `reason` is what the log says. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The webhook endpoint (one `POST`): GitHub's headers are checked first, then `content-length` against the 25 MB cap
 * and against a budget of bytes in flight shared by all requests (503 with `retry-after` over it, so a flood of
 * bodies cannot take the process past its memory limit). The body is read into a buffer of its declared length while
 * its HMAC is computed, within the deadline (a slow body gets 408, never 2xx). Only a body whose signature matches is
 * parsed: nesting past {@link MAX_JSON_DEPTH}, JSON that is no object (`null`, a string) or invalid JSON get 4xx,
 * since redelivering them can never succeed. The delivery is then handed to `receive` and retried on failure while the
 * deadline allows; 200 once it resolves, 503 when the deadline passes first (GitHub marks the delivery failed, and the
 * missed-deliveries recovery asks for it again), 500 when it failed. Each answer is logged with the delivery id,
 * event, action, installation and reason, never the body.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const deadlineMs = options.deadlineMs ?? ACK_DEADLINE_MS;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return async (request, response) => {
    const started = Date.now();
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const context: Record<string, unknown> = { deliveryId: header('x-github-delivery')?.slice(0, 100), event: header('x-github-event')?.slice(0, 100) };
    let reserved = 0;
    try {
      if (request.method !== 'POST') throw new Refusal(405, 'method not allowed');
      const id = header('x-github-delivery');
      const name = header('x-github-event');
      const signature = header('x-hub-signature-256');
      if (!id || !name || !signature) throw new Refusal(400, 'x-github-delivery, x-github-event and x-hub-signature-256 are required');
      const declared = header('content-length');
      if (declared === undefined) throw new Refusal(request.headers['transfer-encoding'] ? 411 : 400, 'content-length required');
      const length = Number(declared);
      if (!Number.isSafeInteger(length) || length < 0) throw new Refusal(400, 'invalid content-length');
      if (length > maxBytes) throw new Refusal(413, `payload larger than ${maxBytes} bytes`);
      if (!options.budget.tryReserve(length)) throw new Refusal(503, 'too many bytes in flight');
      reserved = length;

      const { body, digest } = await readSigned(request, length, options.secret, started + deadlineMs);
      if (!signatureMatches(signature, digest)) throw new Refusal(400, 'signature does not match');
      if (exceedsDepth(body, maxDepth)) throw new Refusal(422, `JSON nested deeper than ${maxDepth}`);
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        throw new Refusal(400, 'body is not JSON');
      }
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new Refusal(422, 'payload is not a JSON object');
      const envelope = readDeliveryEnvelope(payload);
      if (envelope.action !== undefined) context.action = envelope.action.slice(0, 100);
      if (envelope.installationId !== undefined) context.installationId = envelope.installationId;

      const outcome = await receiveWithinDeadline(() => options.receive({ id, name, payload: payload as Record<string, unknown> }), started + deadlineMs);
      if (outcome.ok) {
        answer(response, 200, { ok: true });
        options.log.debug({ ...context, status: 200, attempts: outcome.attempts }, 'delivery recorded');
      } else {
        const status = outcome.timedOut ? 503 : 500;
        answer(response, status, { error: outcome.timedOut ? 'not recorded in time; redeliver' : 'not recorded; redeliver' });
        options.log.error({ ...context, status, attempts: outcome.attempts, reason: outcome.reason }, 'delivery not recorded');
      }
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal(500, describeFailure(error));
      const level = refusal.status >= 500 ? 'error' : 'warn';
      options.log[level]({ ...context, status: refusal.status, reason: refusal.reason }, 'webhook refused');
      if (!response.headersSent) {
        const extra: Record<string, string> = refusal.status === 503 ? { 'retry-after': '1' } : {};
        answer(response, refusal.status, { error: refusal.reason }, { connection: 'close', ...extra });
      }
      // Whatever of the body is still coming is not read.
      response.once('finish', () => request.destroy());
    } finally {
      if (reserved > 0) {
        const release = () => options.budget.release(reserved);
        if (response.writableFinished || response.destroyed) release();
        else {
          response.once('close', release);
        }
      }
    }
  };
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Reads exactly `length` bytes (more is refused) into one buffer, computing their HMAC-SHA256, before `deadline`. */
function readSigned(request: IncomingMessage, length: number, secret: string, deadline: number): Promise<{ body: Buffer; digest: Buffer }> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    const hmac = createHmac('sha256', secret);
    let received = 0;
    const timer = setTimeout(() => finish(new Refusal(408, 'body not received in time')), Math.max(0, deadline - Date.now()));
    const finish = (error?: Error) => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
      if (error) {
        request.pause();
        reject(error);
      } else resolve({ body, digest: hmac.digest() });
    };
    const onData = (chunk: Buffer) => {
      if (received + chunk.length > length) return finish(new Refusal(400, 'body longer than content-length'));
      chunk.copy(body, received);
      received += chunk.length;
      hmac.update(chunk);
    };
    const onEnd = () => (received === length ? finish() : finish(new Refusal(400, 'body shorter than content-length')));
    const onError = () => finish(new Refusal(400, 'body not received'));
    const onAborted = () => finish(new Refusal(400, 'request aborted'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

function signatureMatches(header: string, digest: Buffer): boolean {
  if (!header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === digest.length && timingSafeEqual(given, digest);
}

/** Whether JSON text nests objects/arrays deeper than `maxDepth`, found by one pass over the bytes (no recursion). */
export function exceedsDepth(body: Buffer, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index]!;
    if (inString) {
      if (byte === 0x5c) index += 1; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
  return false;
}

type ReceiveOutcome = { ok: true; attempts: number } | { ok: false; timedOut: boolean; attempts: number; reason: string };

/**
 * Runs `receive` until it resolves, again after a failure (a dropped database connection: the unit of work is
 * idempotent) while time remains, each attempt raced against `deadline`.
 */
async function receiveWithinDeadline(receive: () => Promise<void>, deadline: number): Promise<ReceiveOutcome> {
  let attempts = 0;
  let reason = 'no attempt';
  for (;;) {
    attempts += 1;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { ok: false, timedOut: true, attempts: attempts - 1, reason };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), remaining);
    });
    const attempt = receive().then(
      () => 'ok' as const,
      (error: unknown) => ({ error }),
    );
    const result = await Promise.race([attempt, timeout]);
    clearTimeout(timer);
    if (result === 'ok') return { ok: true, attempts };
    if (result === 'timeout') return { ok: false, timedOut: true, attempts, reason: 'store did not answer in time' };
    reason = describeFailure(result.error);
    const backoff = Math.min(1_000, 100 * 2 ** attempts);
    if (attempts >= 5 || deadline - Date.now() < backoff + 500) return { ok: false, timedOut: false, attempts, reason };
    await new Promise((resolve) => setTimeout(resolve, backoff));
  }
}
