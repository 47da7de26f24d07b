import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from './create-app-metrics.js';

/** A dependency `/readyz` checks: resolves when reachable, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface OpsHandlerOptions {
  metrics: AppMetrics;
  /** Named checks (`store`, `redis`); all must pass for `/readyz` to answer 200. */
  checks: Record<string, ReadinessCheck>;
  /** A check slower than this fails (ms, default 2 000). */
  checkTimeoutMs?: number;
  /** Once set (on shutdown), `/readyz` answers 503 so the load balancer stops sending. */
  isShuttingDown?: () => boolean;
}

/** A Probot `addHandler` handler: `true` when it answered the request. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * `GET /healthz` (the process is up: 200), `GET /readyz` (every dependency reachable: 200, else 503 with the
 * failures) and `GET /metrics` (Prometheus text format). Other requests are left to the next handler.
 */
export function createOpsHandler(options: OpsHandlerOptions): RequestHandler {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  return async (request, response) => {
    if (request.method !== 'GET') return false;
    const path = (request.url ?? '').split('?')[0];
    if (path === '/healthz') {
      send(response, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      return true;
    }
    if (path === '/readyz') {
      const failures = options.isShuttingDown?.() ? { shutdown: 'shutting down' } : await runChecks(options.checks, timeoutMs);
      const ready = Object.keys(failures).length === 0;
      send(response, ready ? 200 : 503, 'application/json', JSON.stringify(ready ? { status: 'ready' } : { status: 'unready', failures }));
      return true;
    }
    if (path === '/metrics') {
      send(response, 200, options.metrics.registry.contentType, await options.metrics.registry.metrics());
      return true;
    }
    return false;
  };
}

async function runChecks(checks: Record<string, ReadinessCheck>, timeoutMs: number): Promise<Record<string, string>> {
  const failures: Record<string, string> = {};
  await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (error) {
        failures[name] = error instanceof Error ? error.message : String(error);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return failures;
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
