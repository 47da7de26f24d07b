import { createHash } from 'node:crypto';
import type { DemoCommunity } from './build-demo-community.js';

/** A write the app made to GitHub: method, path and the JSON body it sent. */
export interface RecordedWrite {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** An offline stand-in for the GitHub REST API of the demo repository, as a `fetch` for Octokit. */
export interface DemoGitHub {
  fetch: (url: string | URL, init?: { method?: string; body?: unknown }) => Promise<Response>;
  /** Every write, in order. */
  writes: RecordedWrite[];
  /** Requests no route answered (answered 404), for the demo to report. */
  unanswered: string[];
}

type Handler = (match: RegExpExecArray, body: Record<string, unknown>, query: URLSearchParams) => [number, unknown];

const json = (status: number, data: unknown): [number, unknown] => [status, data];
const notFound = (): [number, unknown] => json(404, { message: 'Not Found' });

/**
 * Answers the requests the app makes while publishing for the demo repository — installation token, config file
 * (none), the default branch's tree and OWNERS blobs, directory listings and workflow files, releases, a PR's
 * files, check runs, issue comments, digest issues and labels — from the demo community, in memory, and records
 * every write. Anything else gets a 404 and is listed in `unanswered`.
 */
export function createDemoGitHub(community: DemoCommunity): DemoGitHub {
  const { checkout, repository } = community;
  const repo = `/repos/${repository.fullName}`;
  const contents = new Map<string, string>([...checkout.ownersFiles, ...checkout.supplyChain.workflows.map((w) => [w.path, w.text] as const)]);
  const textOf = (path: string) => contents.get(path) ?? `# ${path}\n`;
  const blobSha = (path: string) => createHash('sha1').update(`blob:${path}:${textOf(path)}`).digest('hex');
  const headSha = createHash('sha1').update(`head:${repository.fullName}`).digest('hex');
  const releases = community.deliveries
    .filter((d) => d.name === 'release')
    .map((d) => (d.payload as { release: Record<string, unknown> }).release)
    .sort((a, b) => String(b.published_at).localeCompare(String(a.published_at)));
  const checkRuns: Array<Record<string, unknown>> = [];
  const comments: Array<Record<string, unknown>> = [];
  const issues: Array<Record<string, unknown>> = [];
  const writes: RecordedWrite[] = [];
  const unanswered: string[] = [];
  let nextId = 1;
  const entry = (path: string) => ({ name: path.slice(path.lastIndexOf('/') + 1), path, type: 'file', sha: blobSha(path) });
  const listDirectory = (dir: string) => {
    const prefix = dir === '' ? '' : `${dir}/`;
    const names = new Map<string, string>();
    for (const path of checkout.paths) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      names.set(rest.split('/')[0]!, rest.includes('/') ? 'dir' : 'file');
    }
    return [...names].map(([name, type]) => ({ ...entry(`${prefix}${name}`), type }));
  };
  const prFiles = (n: number) => {
    const files = community.pullRequestFiles.get(n)?.paths ?? [];
    return files.map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0, patch: addedPatch(textOf(filename)) }));
  };

  const routes: Array<[string, RegExp, Handler]> = [
    ['POST', /^\/app\/installations\/\d+\/access_tokens$/, () => json(201, { token: 'demo-token', expires_at: '2999-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' })],
    ['GET', /^\/repos\/[^/]+\/\.github\/contents\//, () => notFound()],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/ref\/heads\/(.+)$/, () => json(200, { ref: 'refs/heads/main', object: { sha: headSha, type: 'commit' } })],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/trees\/[^/]+$/, () => json(200, { sha: headSha, truncated: false, tree: checkout.paths.map((path) => ({ path, type: 'blob', mode: '100644', sha: blobSha(path) })) })],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]+)$/, (m) => {
      const path = checkout.paths.find((p) => blobSha(p) === m[1]);
      return path === undefined ? notFound() : json(200, { sha: m[1], encoding: 'base64', content: Buffer.from(textOf(path)).toString('base64') });
    }],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/contents/?(.*)$`), (m) => {
      const path = (m[1] ?? '').replace(/\/$/, '');
      if (checkout.paths.includes(path)) return json(200, { ...entry(path), encoding: 'base64', content: Buffer.from(textOf(path)).toString('base64') });
      const listing = listDirectory(path);
      return listing.length > 0 ? json(200, listing) : notFound();
    }],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/releases$`), (_m, _b, query) => json(200, releases.slice(0, Number(query.get('per_page') ?? 30)))],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/pulls/(\\d+)/files$`), (m, _b, query) => json(200, Number(query.get('page') ?? 1) > 1 ? [] : prFiles(Number(m[1])))],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/commits/([^/]+)/check-runs$`), (m) => {
      const runs = checkRuns.filter((run) => run.head_sha === m[1]);
      return json(200, { total_count: runs.length, check_runs: runs });
    }],
    ['POST', new RegExp(`^${escapeRegExp(repo)}/check-runs$`), (_m, body) => json(201, pushRecord(checkRuns, { ...body, id: nextId++, output: { ...(body.output as object), annotations_count: 0 } }))],
    ['PATCH', new RegExp(`^${escapeRegExp(repo)}/check-runs/(\\d+)$`), (m, body) => json(200, patchRecord(checkRuns, Number(m[1]), body))],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/check-runs/\\d+/annotations$`), () => json(200, [])],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/issues/(\\d+)/comments$`), (m) => json(200, comments.filter((c) => c.issue_number === Number(m[1])))],
    ['POST', new RegExp(`^${escapeRegExp(repo)}/issues/(\\d+)/comments$`), (m, body) => json(201, pushRecord(comments, { ...body, id: nextId++, issue_number: Number(m[1]), user: { login: 'fallacy-watch[bot]', type: 'Bot' } }))],
    ['PATCH', new RegExp(`^${escapeRegExp(repo)}/issues/comments/(\\d+)$`), (m, body) => json(200, patchRecord(comments, Number(m[1]), body))],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/issues$`), () => json(200, issues)],
    ['POST', new RegExp(`^${escapeRegExp(repo)}/issues$`), (_m, body) => {
      const number = 10_000 + issues.length;
      return json(201, pushRecord(issues, { ...body, id: nextId++, number, state: 'open', html_url: `https://github.com/${repository.fullName}/issues/${number}`, user: { login: 'fallacy-watch[bot]', type: 'Bot' }, labels: ((body.labels as string[]) ?? []).map((name) => ({ name })) }));
    }],
    ['PATCH', new RegExp(`^${escapeRegExp(repo)}/issues/(\\d+)$`), (m, body) => {
      const issue = issues.find((i) => i.number === Number(m[1]));
      return issue ? json(200, Object.assign(issue, body)) : notFound();
    }],
    ['GET', new RegExp(`^${escapeRegExp(repo)}/labels/(.+)$`), () => notFound()],
    ['POST', new RegExp(`^${escapeRegExp(repo)}/labels$`), (_m, body) => json(201, { id: nextId++, ...body })],
  ];

  const fetch: DemoGitHub['fetch'] = async (url, init = {}) => {
    const parsed = new URL(String(url));
    const pathname = decodeURIComponent(parsed.pathname);
    const searchParams = parsed.searchParams;
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' && init.body !== '' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    if (method !== 'GET' && !pathname.endsWith('/access_tokens')) writes.push({ method, path: pathname, body });
    const route = routes.find(([m, pattern]) => m === method && pattern.test(pathname));
    const [status, data] = route ? route[2](route[1].exec(pathname)!, body, searchParams) : notFound();
    if (!route) unanswered.push(`${method} ${pathname}`);
    const response = new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
    // A constructed Response has an empty `url`; Octokit's paginate reads it, as it would a real one.
    Object.defineProperty(response, 'url', { value: String(url) });
    return response;
  };
  return { fetch, writes, unanswered };
}

function pushRecord(list: Array<Record<string, unknown>>, record: Record<string, unknown>): Record<string, unknown> {
  list.push(record);
  return record;
}

function patchRecord(list: Array<Record<string, unknown>>, id: number, body: Record<string, unknown>): Record<string, unknown> {
  const record = list.find((r) => r.id === id);
  if (!record) return { message: 'Not Found' };
  return Object.assign(record, body);
}

/** A unified diff that adds every line of `text` (the PR's version of the file is all new lines). */
function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
