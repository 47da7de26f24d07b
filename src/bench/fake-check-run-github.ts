import { ProbotOctokit } from 'probot';
import type { GitHubClient } from '../github/client.js';

/**
 * An in-memory GitHub REST API answering the requests one pull request's check run makes — its changed files, the
 * check runs of its head commit (list, create, update), its comments (list, create, edit, delete) — as a `fetch` for
 * a real Octokit, so the requests go through Octokit's whole pipeline (routes, pagination, JSON) without a network.
 * Anything else fails the benchmark.
 */
export function createFakeCheckRunGitHub(filesOf: (pullNumber: number) => readonly string[]): { octokit: GitHubClient; requests: () => number } {
  const checkRuns: Array<Record<string, unknown>> = [];
  const comments = new Map<number, Array<{ id: number; body: string }>>();
  let nextId = 1;
  let requests = 0;
  const fetch = async (url: string | URL, init: { method?: string; body?: unknown } = {}): Promise<Response> => {
    requests += 1;
    const json = (status: number, data: unknown) => {
      const response = new Response(status === 204 ? null : JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
      // A constructed Response has an empty `url`; Octokit's paginate reads it, as it would a real one.
      Object.defineProperty(response, 'url', { value: String(url) });
      return response;
    };
    const { pathname } = new URL(String(url));
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    let match: RegExpExecArray | null;
    if (method === 'GET' && (match = /\/pulls\/(\d+)\/files$/.exec(pathname))) {
      return json(200, filesOf(Number(match[1])).map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0, changes: 1 })));
    }
    if (method === 'GET' && (match = /\/commits\/([^/]+)\/check-runs$/.exec(pathname))) {
      const runs = checkRuns.filter((run) => run.head_sha === match![1]);
      return json(200, { total_count: runs.length, check_runs: runs });
    }
    if (method === 'POST' && /\/check-runs$/.test(pathname)) {
      const output = (body.output ?? {}) as { annotations?: unknown[] };
      const run = { ...body, id: nextId++, app: null, output: { ...output, annotations_count: (output.annotations ?? []).length } };
      checkRuns.push(run);
      return json(201, run);
    }
    if (method === 'PATCH' && (match = /\/check-runs\/(\d+)$/.exec(pathname))) {
      const run = checkRuns.find((entry) => entry.id === Number(match![1]))!;
      const before = run.output as { annotations_count: number };
      const output = (body.output ?? {}) as { annotations?: unknown[] };
      Object.assign(run, body, { output: { ...before, ...output, annotations_count: before.annotations_count + (output.annotations ?? []).length } });
      return json(200, run);
    }
    if (method === 'GET' && (match = /\/issues\/(\d+)\/comments$/.exec(pathname))) return json(200, comments.get(Number(match[1])) ?? []);
    if (method === 'POST' && (match = /\/issues\/(\d+)\/comments$/.exec(pathname))) {
      const comment = { id: nextId++, body: String(body.body), user: { login: 'fallacy-watch[bot]', type: 'Bot' }, performed_via_github_app: null };
      comments.set(Number(match[1]), [...(comments.get(Number(match[1])) ?? []), comment]);
      return json(201, comment);
    }
    if ((match = /\/issues\/comments\/(\d+)$/.exec(pathname))) {
      const id = Number(match[1]);
      for (const [number, list] of comments) {
        const comment = list.find((entry) => entry.id === id);
        if (!comment) continue;
        if (method === 'DELETE') comments.set(number, list.filter((entry) => entry !== comment));
        else comment.body = String(body.body);
        return json(method === 'DELETE' ? 204 : 200, comment);
      }
    }
    throw new Error(`fake GitHub: no route for ${method} ${pathname}`);
  };
  const octokit = new ProbotOctokit({ auth: { token: 'bench' }, throttle: { enabled: false }, retry: { enabled: false }, request: { fetch } });
  return { octokit: octokit as unknown as GitHubClient, requests: () => requests };
}
