import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '../ops/listen.js';
import { answerGraphql } from './answer-graphql.js';
import { type FaultRule, type FiredFault, takeFault } from './fault-rules.js';
import { matchRoute } from './rest-routes.js';
import type { SimulatorDataset } from './simulator-dataset.js';
import { createSimulatorState, type SimulatedHookDelivery, type SimulatorState } from './simulator-state.js';

export interface GitHubSimulator {
  /** The REST root (GraphQL at `<url>/graphql`): the app's `GITHUB_API_URL`. */
  url: string;
  port: number;
  state: SimulatorState;
  /** Adds faults, checked in order before each request is answered. */
  injectFaults(rules: FaultRule[]): void;
  /** The faults that fired, in order. */
  firedFaults: FiredFault[];
  /** Requests answered, by `METHOD path` (path without query). */
  requests: string[];
  /** Requests for routes the simulator does not speak (answered 404): a test asserts this stays empty. */
  unspoken: string[];
  close(): Promise<void>;
}

export interface SimulatorOptions {
  dataset: SimulatorDataset;
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Sends a delivery again when the app asks for a redelivery (tests point it at the app's webhook). */
  redeliver?: (delivery: SimulatedHookDelivery) => void;
}

/**
 * A local GitHub API for tests and load runs: the REST routes and GraphQL the app uses, over an in-memory dataset,
 * recording every write (check runs, comments, issues, labels, redeliveries). Installation tokens are
 * `ghs_sim_<installation id>`; every answer carries `x-ratelimit-*` headers counting each installation's points.
 * Faults can be injected per route: 500s, secondary-limit 403s with `retry-after`, slow answers.
 */
export async function startGitHubSimulator(options: SimulatorOptions): Promise<GitHubSimulator> {
  const state = createSimulatorState(options.dataset);
  if (options.redeliver) state.redeliver = options.redeliver;
  const faults: FaultRule[] = [];
  const firedFaults: FiredFault[] = [];
  const requests: string[] = [];
  const unspoken: string[] = [];
  let baseUrl = '';
  const server = await listen(options.host ?? '127.0.0.1', options.port ?? 0, (request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) respond(response, 500, { message: String(error) });
    });
  });
  baseUrl = `http://127.0.0.1:${server.port}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v3/, '');
    const raw = await readBody(request);
    const fault = takeFault(faults, method, path);
    if (fault && fault.kind !== 'ghost-write') {
      firedFaults.push({ kind: fault.kind, method, path });
      if (fault.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2_000));
      if (fault.kind === 'error') return respond(response, 500, { message: 'Server Error (simulated)' });
      if (fault.kind === 'secondary-limit') {
        return respond(response, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' }, { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
      }
    }
    const installationId = readInstallation(request.headers.authorization);
    const body = raw ? JSON.parse(raw) : undefined;
    requests.push(`${method} ${path}`);
    if (method !== 'GET') state.writes.push({ method, path, installationId, body });
    const headers = countPoints(state, installationId);
    if (method === 'POST' && path === '/graphql') return respond(response, 200, await answerGraphql(state, installationId, body ?? {}), headers);
    const matched = matchRoute(method, path);
    if (!matched) unspoken.push(`${method} ${path}`);
    if (!matched) return respond(response, 404, { message: `Not Found (the simulator does not speak ${method} ${path})` }, headers);
    const answer = matched.handle(state, { params: matched.params, query: url.searchParams, body: body ?? {}, installationId, baseUrl });
    if (fault?.kind === 'ghost-write') {
      firedFaults.push({ kind: fault.kind, method, path });
      return respond(response, 502, { message: 'Server Error (simulated: the write was applied)' }, headers);
    }
    respond(response, answer.status, answer.body, { ...headers, ...answer.headers });
  }

  return {
    url: baseUrl,
    port: server.port,
    state,
    injectFaults: (rules) => void faults.push(...rules),
    firedFaults,
    requests,
    unspoken,
    close: () => server.close(),
  };
}

function readInstallation(authorization: string | undefined): number | undefined {
  const match = /^(?:token|bearer)\s+ghs_sim_(\d+)$/i.exec(authorization ?? '');
  return match ? Number(match[1]) : undefined;
}

function countPoints(state: SimulatorState, installationId: number | undefined): Record<string, string> {
  if (installationId === undefined) return {};
  const limit = state.dataset.rateLimit ?? 5_000;
  const used = (state.pointsUsed.get(installationId) ?? 0) + 1;
  state.pointsUsed.set(installationId, used);
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-used': String(used),
    'x-ratelimit-remaining': String(Math.max(0, limit - used)),
    'x-ratelimit-resource': 'core',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1_000) + 3_600),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function respond(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
