import { createHash } from 'node:crypto';
import { DEFAULT_SIMULATED_APP, HEAD_SHA } from './simulator-dataset.js';
import { findRepository, type SimulatedCheckRun, type SimulatedIssue, type SimulatorState } from './simulator-state.js';

/** What a route handler gets: path parameters, query, parsed JSON body, and the installation the token belongs to. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  installationId: number | undefined;
  baseUrl: string;
}

export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (state: SimulatorState, request: RouteRequest) => RouteResponse;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handle: RouteHandler;
}

const routes: Route[] = [];
function route(method: string, template: string, handle: RouteHandler): void {
  const names: string[] = [];
  const source = template.replace(/:(\w+)(\+)?/g, (_, name: string, rest?: string) => {
    names.push(name);
    return rest ? '(.+)' : '([^/]+)';
  });
  routes.push({ method, pattern: new RegExp(`^${source}$`), names, handle });
}

/** The handler of `method path`, with its path parameters; `undefined` for a route the simulator does not speak. */
export function matchRoute(method: string, path: string): { handle: RouteHandler; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return { handle: candidate.handle, params };
  }
  return undefined;
}

const ok = (body: unknown, status = 200): RouteResponse => ({ status, body });
const appOf = (state: SimulatorState) => state.dataset.app ?? DEFAULT_SIMULATED_APP;
/** Annotations a check-run write carries. */
const annotationsOf = (body: any): unknown[] => (Array.isArray(body?.output?.annotations) ? body.output.annotations : []);
/** A check run as GitHub answers it: the app, and the output's annotation count instead of the annotations. */
function toCheckRunJson(run: SimulatedCheckRun) {
  const { annotations, output, ...rest } = run;
  const { annotations: _sent, ...summary } = (output ?? {}) as Record<string, unknown>;
  return { ...rest, output: { ...summary, annotations_count: annotations.length } };
}
const notFound = (): RouteResponse => ({ status: 404, body: { message: 'Not Found' } });
const repoName = (p: Record<string, string>) => `${p.owner}/${p.repo}`;

/** One page of `items` (`page`, `per_page`) with GitHub's `Link` header. */
function paginate<T>(items: T[], request: RouteRequest, path: string): RouteResponse {
  const perPage = Math.min(100, Number(request.query.get('per_page') ?? 30));
  const page = Math.max(1, Number(request.query.get('page') ?? 1));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < items.length) headers.link = `<${request.baseUrl}${path}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
  return { status: 200, body: slice, headers };
}

route('POST', '/app/installations/:id/access_tokens', (state, { params }) => {
  const installation = state.dataset.installations.find((i) => String(i.id) === params.id);
  if (!installation) return notFound();
  return ok({ token: `ghs_sim_${installation.id}`, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' }, 201);
});
route('GET', '/app/installations', (state, request) =>
  paginate(state.dataset.installations.map((i) => ({ id: i.id, account: { login: i.account } })), request, '/app/installations'),
);
route('GET', '/installation/repositories', (state, request) => {
  const installation = state.dataset.installations.find((i) => i.id === request.installationId);
  if (!installation) return { status: 401, body: { message: 'Bad credentials' } };
  const repositories = installation.repositories.map(toRepositoryJson);
  return ok({ total_count: repositories.length, repositories });
});
route('GET', '/app/hook/deliveries', (state, request) => {
  const perPage = Number(request.query.get('per_page') ?? 30);
  const start = Number(request.query.get('cursor') ?? 0);
  const sorted = [...state.hookDeliveries].sort((a, b) => b.delivered_at.localeCompare(a.delivered_at));
  const headers: Record<string, string> = {};
  if (start + perPage < sorted.length) headers.link = `<${request.baseUrl}/app/hook/deliveries?per_page=${perPage}&cursor=${start + perPage}>; rel="next"`;
  return { status: 200, body: sorted.slice(start, start + perPage), headers };
});
route('POST', '/app/hook/deliveries/:id/attempts', (state, { params }) => {
  const delivery = state.hookDeliveries.find((d) => String(d.id) === params.id);
  if (!delivery) return notFound();
  state.redeliver?.(delivery);
  return ok({}, 202);
});
route('GET', '/repos/:owner/:repo', (state, { params }) => {
  const found = findRepository(state, repoName(params));
  return found ? ok(toRepositoryJson(found.repository)) : notFound();
});

route('POST', '/repos/:owner/:repo/check-runs', (state, { params, body }) => {
  const run: SimulatedCheckRun = {
    id: state.nextId(),
    repository: repoName(params),
    name: body.name,
    head_sha: body.head_sha,
    status: body.status ?? 'queued',
    conclusion: body.conclusion ?? null,
    external_id: body.external_id ?? null,
    output: body.output ?? null,
    app: { ...appOf(state) },
    annotations: annotationsOf(body),
  };
  state.checkRuns.push(run);
  return ok(toCheckRunJson(run), 201);
});
route('PATCH', '/repos/:owner/:repo/check-runs/:id', (state, { params, body }) => {
  const run = state.checkRuns.find((r) => String(r.id) === params.id && r.repository === repoName(params));
  if (!run) return notFound();
  Object.assign(run, Object.fromEntries(Object.entries(body ?? {}).filter(([key]) => ['name', 'status', 'conclusion', 'output', 'external_id'].includes(key))));
  run.annotations.push(...annotationsOf(body));
  return ok(toCheckRunJson(run));
});
route('GET', '/repos/:owner/:repo/check-runs/:id/annotations', (state, request) => {
  const run = state.checkRuns.find((r) => String(r.id) === request.params.id && r.repository === repoName(request.params));
  if (!run) return notFound();
  return paginate(run.annotations, request, `/repos/${repoName(request.params)}/check-runs/${run.id}/annotations`);
});
route('GET', '/repos/:owner/:repo/commits/:ref/check-runs', (state, { params, query }) => {
  const appId = query.get('app_id');
  const runs = state.checkRuns.filter(
    (r) => r.repository === repoName(params) && r.head_sha === params.ref && (!query.get('check_name') || r.name === query.get('check_name')) && (!appId || String(r.app.id) === appId),
  );
  return ok({ total_count: runs.length, check_runs: runs.map(toCheckRunJson) });
});
route('GET', '/repos/:owner/:repo/pulls/:number', (state, { params }) => {
  const pull = state.pullRequests.get(`${repoName(params).toLowerCase()}#${params.number}`);
  return pull ? ok(pull) : notFound();
});

route('GET', '/repos/:owner/:repo/issues', (state, request) => {
  const wanted = request.query.get('labels')?.split(',').filter(Boolean) ?? [];
  const stateFilter = request.query.get('state') ?? 'open';
  const issues = state.issues
    .filter((i) => i.repository === repoName(request.params) && (stateFilter === 'all' || i.state === stateFilter) && wanted.every((l) => i.labels.includes(l)))
    .map((issue) => toIssueJson(state, issue, request.baseUrl));
  return paginate(issues, request, `/repos/${repoName(request.params)}/issues`);
});
route('POST', '/repos/:owner/:repo/issues', (state, { params, body, baseUrl }) => {
  const repository = repoName(params);
  const issue: SimulatedIssue = { id: state.nextId(), repository, number: state.issues.filter((i) => i.repository === repository).length + 1, title: body.title, body: body.body ?? '', state: 'open', labels: toLabelNames(body.labels) };
  state.issues.push(issue);
  return ok(toIssueJson(state, issue, baseUrl), 201);
});
route('PATCH', '/repos/:owner/:repo/issues/:number', (state, { params, body, baseUrl }) => {
  const issue = state.issues.find((i) => i.repository === repoName(params) && String(i.number) === params.number);
  if (!issue) return notFound();
  if (body.title !== undefined) issue.title = body.title;
  if (body.body !== undefined) issue.body = body.body;
  if (body.state !== undefined) issue.state = body.state;
  if (body.labels !== undefined) issue.labels = toLabelNames(body.labels);
  return ok(toIssueJson(state, issue, baseUrl));
});
route('GET', '/repos/:owner/:repo/issues/:number/comments', (state, request) =>
  paginate(
    state.comments.filter((c) => c.repository === repoName(request.params) && String(c.issue_number) === request.params.number).map((c) => toCommentJson(state, c)),
    request,
    `/repos/${repoName(request.params)}/issues/${request.params.number}/comments`,
  ),
);
route('POST', '/repos/:owner/:repo/issues/:number/comments', (state, { params, body }) => {
  const comment = { id: state.nextId(), repository: repoName(params), issue_number: Number(params.number), body: body.body, edits: 0 };
  state.comments.push(comment);
  return ok(toCommentJson(state, comment), 201);
});
route('PATCH', '/repos/:owner/:repo/issues/comments/:id', (state, { params, body }) => {
  const comment = state.comments.find((c) => String(c.id) === params.id && c.repository === repoName(params));
  if (!comment) return notFound();
  comment.body = body.body;
  comment.edits += 1;
  return ok(toCommentJson(state, comment));
});
route('DELETE', '/repos/:owner/:repo/issues/comments/:id', (state, { params }) => {
  const index = state.comments.findIndex((c) => String(c.id) === params.id && c.repository === repoName(params));
  if (index < 0) return notFound();
  state.comments.splice(index, 1);
  return { status: 204, body: undefined };
});
route('GET', '/repos/:owner/:repo/labels', (state, request) => paginate(state.labels.get(repoName(request.params)) ?? [], request, `/repos/${repoName(request.params)}/labels`));
route('GET', '/repos/:owner/:repo/labels/:name', (state, { params }) => {
  const label = (state.labels.get(repoName(params)) ?? []).find((l) => l.name === decodeURIComponent(params.name ?? ''));
  return label ? ok(label) : notFound();
});
route('POST', '/repos/:owner/:repo/labels', (state, { params, body }) => {
  const labels = state.labels.get(repoName(params)) ?? [];
  if (labels.some((l) => l.name === body.name)) return { status: 422, body: { message: 'Validation Failed', errors: [{ code: 'already_exists' }] } };
  labels.push({ name: body.name, color: body.color ?? 'ededed' });
  state.labels.set(repoName(params), labels);
  return ok(labels.at(-1), 201);
});
route('POST', '/repos/:owner/:repo/issues/:number/labels', (state, { params, body }) => {
  const issue = state.issues.find((i) => i.repository === repoName(params) && String(i.number) === params.number);
  const names = toLabelNames(Array.isArray(body) ? body : body.labels);
  if (issue) issue.labels = [...new Set([...issue.labels, ...names])];
  return ok((issue?.labels ?? names).map((name) => ({ name })));
});

route('GET', '/repos/:owner/:repo/pulls/:number/files', (state, request) => {
  const found = findRepository(state, repoName(request.params));
  if (!found) return notFound();
  const files = (found.repository.pullFiles?.[Number(request.params.number)] ?? []).map((f) => ({ additions: 1, deletions: 0, status: 'modified', ...f, changes: (f.additions ?? 1) + (f.deletions ?? 0) }));
  return paginate(files, request, `/repos/${repoName(request.params)}/pulls/${request.params.number}/files`);
});
route('GET', '/repos/:owner/:repo/contents/:path+', (state, { params }) => {
  const files = findRepository(state, repoName(params))?.repository.files ?? {};
  const path = params.path!.replace(/\/+$/, '');
  const content = files[path];
  if (content === undefined) return listDirectory(files, path);
  return ok({ type: 'file', path, name: path.split('/').at(-1), sha: blobSha(content), encoding: 'base64', content: Buffer.from(content).toString('base64'), size: content.length });
});
// The root folder (`getContent` with an empty path asks for `contents/`).
route('GET', '/repos/:owner/:repo/contents/?', (state, { params }) => {
  const found = findRepository(state, repoName(params));
  if (!found) return notFound();
  return listDirectory(found.repository.files ?? {}, '');
});
route('GET', '/repos/:owner/:repo/releases', (state, request) => {
  if (!findRepository(state, repoName(request.params))) return notFound();
  return paginate([], request, `/repos/${repoName(request.params)}/releases`);
});

/** A folder's entries as GitHub lists them (files and sub-folders, by name); 404 for a folder holding nothing. */
function listDirectory(files: Record<string, string>, folder: string) {
  const prefix = folder === '' ? '' : `${folder}/`;
  const entries = new Map<string, { type: 'file' | 'dir'; name: string; path: string; sha: string; size: number }>();
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split('/');
    if (!name) continue;
    const entryPath = `${prefix}${name}`;
    entries.set(name, rest.length > 0 ? { type: 'dir', name, path: entryPath, sha: blobSha(entryPath), size: 0 } : { type: 'file', name, path: entryPath, sha: blobSha(content), size: content.length });
  }
  if (entries.size === 0) return notFound();
  return ok([...entries.values()].sort((a, b) => a.name.localeCompare(b.name)));
}
route('GET', '/repos/:owner/:repo/git/ref/:ref+', (state, { params }) => {
  const found = findRepository(state, repoName(params));
  if (!found || params.ref !== `heads/${found.repository.defaultBranch}`) return notFound();
  return ok({ ref: `refs/${params.ref}`, object: { type: 'commit', sha: HEAD_SHA } });
});
route('GET', '/repos/:owner/:repo/git/trees/:sha', (state, { params }) => {
  const found = findRepository(state, repoName(params));
  if (!found) return notFound();
  const tree = Object.entries(found.repository.files ?? {}).map(([path, content]) => ({ path, mode: '100644', type: 'blob', sha: blobSha(content), size: content.length }));
  return ok({ sha: HEAD_SHA, tree, truncated: false });
});

function toRepositoryJson(repository: { id: number; fullName: string; defaultBranch: string; private?: boolean; archived?: boolean; fork?: boolean }) {
  const [owner, name] = repository.fullName.split('/');
  return {
    id: repository.id,
    name,
    full_name: repository.fullName,
    owner: { login: owner },
    private: repository.private ?? false,
    archived: repository.archived ?? false,
    fork: repository.fork ?? false,
    default_branch: repository.defaultBranch,
  };
}
/** The app's bot user, as GitHub shows it on what the app wrote. */
function botOf(state: SimulatorState) {
  const app = appOf(state);
  return { login: `${app.slug}[bot]`, type: 'Bot' };
}
function toIssueJson(state: SimulatorState, issue: SimulatedIssue, baseUrl: string) {
  return {
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name) => ({ name })),
    user: botOf(state),
    html_url: `${baseUrl.replace(/\/$/, '')}/${issue.repository}/issues/${issue.number}`,
    performed_via_github_app: { ...appOf(state) },
  };
}
function toCommentJson(state: SimulatorState, comment: { id: number; body: string; issue_number: number }) {
  return { id: comment.id, body: comment.body, user: botOf(state), performed_via_github_app: { ...appOf(state) } };
}
function toLabelNames(labels: unknown): string[] {
  return Array.isArray(labels) ? labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name))) : [];
}
function blobSha(content: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
}
