import { request as httpRequest } from 'node:http';
import { sign } from '@octokit/webhooks-methods';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createByteBudget } from '../../src/ops/create-byte-budget.js';
import { listen, type ListeningServer } from '../../src/ops/listen.js';
import { createWebhookReceiver, exceedsDepth, type VerifiedDelivery, type WebhookReceiverOptions } from '../../src/ops/receive-webhook.js';
import { createSafeLog } from '../../src/ops/safe-log.js';

const SECRET = 'receiver-secret';

/** A logger whose lines the test reads. */
function capturingLog() {
  const lines: string[] = [];
  const log = createSafeLog(pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }));
  return { log, lines };
}

describe('the webhook receiver', () => {
  let server: ListeningServer | undefined;
  afterEach(async () => {
    server?.server.closeAllConnections();
    await server?.close();
    server = undefined;
  });

  const start = async (overrides: Partial<WebhookReceiverOptions> = {}) => {
    const received: VerifiedDelivery[] = [];
    const { log, lines } = capturingLog();
    const budget = overrides.budget ?? createByteBudget(10 * 1024 * 1024);
    const handler = createWebhookReceiver({
      secret: SECRET,
      budget,
      log,
      receive: async (delivery) => void received.push(delivery),
      ...overrides,
    });
    server = await listen('127.0.0.1', 0, (request, response) => void handler(request, response));
    return { received, lines, budget, port: server.port };
  };

  const post = async (port: number, body: string, signature?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': 'd-1',
        'x-hub-signature-256': signature ?? (await sign(SECRET, body)),
        ...headers,
      },
      body,
    });
    await response.text();
    return response.status;
  };

  /** Sends the headers and `sent` bytes of a body declared `length` long, and waits for the answer. */
  const startPartial = (port: number, length: number, sent: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'slow', 'x-hub-signature-256': 'sha256=00', 'content-length': length },
        },
        (response) => {
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
          response.resume();
        },
      );
      request.on('error', reject);
      request.write(sent);
    });

  it('hands a signed object payload to receive and answers 200 once it resolved', async () => {
    const { port, received, budget } = await start();
    const body = JSON.stringify({ action: 'opened', installation: { id: 7 } });
    expect(await post(port, body)).toBe(200);
    expect(received).toEqual([{ id: 'd-1', name: 'issues', payload: { action: 'opened', installation: { id: 7 } } }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(budget.inUse).toBe(0);
  });

  it('refuses a forged signature with 400 and never parses or receives the body', async () => {
    const { port, received } = await start();
    expect(await post(port, JSON.stringify({ action: 'opened' }), await sign('wrong', 'x'))).toBe(400);
    expect(await post(port, '['.repeat(100_000), await sign('wrong', 'x'))).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 503 before reading a body that would take the bytes in flight over the budget, and frees them after', async () => {
    const { port, budget } = await start({ budget: createByteBudget(1_000) });
    const holding = startPartial(port, 800, '{"a":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(budget.inUse).toBe(800);
    expect((await startPartial(port, 300, '{')).status).toBe(503);
    server!.server.closeAllConnections();
    await holding.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(budget.inUse).toBe(0);
  });

  it('answers a body that does not arrive within the deadline with 408, never 2xx', async () => {
    const { port } = await start({ deadlineMs: 300 });
    const { status, ms } = await startPartial(port, 1_000, '{"a":');
    expect(status).toBe(408);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses with 4xx the signed bodies that can never succeed: null, a string, an array, deep nesting, invalid JSON', async () => {
    const { port, received } = await start();
    expect(await post(port, 'null')).toBe(422);
    expect(await post(port, '"a string"')).toBe(422);
    expect(await post(port, '[]')).toBe(422);
    expect(await post(port, `${'['.repeat(5_000)}${']'.repeat(5_000)}`)).toBe(422);
    expect(await post(port, '{"a":')).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 503 when the delivery is not recorded within the deadline', async () => {
    const { port } = await start({ deadlineMs: 400, receive: () => new Promise(() => undefined) });
    const started = performance.now();
    expect(await post(port, '{}')).toBe(503);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('tries again when recording fails (a dropped connection), and answers 500 when it keeps failing', async () => {
    let calls = 0;
    const flaky = await start({
      receive: async () => {
        calls += 1;
        if (calls < 3) throw new Error('terminating connection due to administrator command');
      },
    });
    expect(await post(flaky.port, '{}')).toBe(200);
    expect(calls).toBe(3);
    server!.server.closeAllConnections();
    await server!.close();
    const broken = await start({ deadlineMs: 2_000, receive: async () => Promise.reject(new Error('always')) });
    expect(await post(broken.port, '{}')).toBe(500);
  });

  it('logs the delivery id, event, action, installation and reason, never the body, in lines that do not grow with it', async () => {
    const { port, lines } = await start({ receive: async () => Promise.reject(Object.assign(new Error('store down'), { event: { payload: 'SECRET-BODY' } })), deadlineMs: 1_500 });
    const big = JSON.stringify({ action: 'opened', installation: { id: 7 }, text: `SECRET-BODY ${'x'.repeat(2 * 1024 * 1024)}` });
    expect(await post(port, big, await sign('wrong', big))).toBe(400);
    expect(await post(port, big)).toBe(500);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).not.toContain('SECRET-BODY');
      expect(line.length).toBeLessThan(1_000);
    }
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ deliveryId: 'd-1', event: 'issues', action: 'opened', installationId: 7, status: 500, reason: 'store down' });
  });

  it('finds deep nesting in one pass, ignoring brackets inside strings', () => {
    expect(exceedsDepth(Buffer.from('{"a":[[["x"]]]}'), 4)).toBe(false);
    expect(exceedsDepth(Buffer.from('{"a":[[["x"]]]}'), 3)).toBe(true);
    expect(exceedsDepth(Buffer.from(JSON.stringify({ a: '[[[[[[\\"[[[[' })), 2)).toBe(false);
  });
});
