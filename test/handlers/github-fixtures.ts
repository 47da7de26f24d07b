/**
 * Shared fixtures of the publishing integration tests: one repository (`acme/widgets`, installation 7) with a
 * CODEOWNERS that makes `storage/` an area, a config that turns the comment and digest on, and payload builders.
 */
import nock from 'nock';
import { ingestDelivery } from '../../src/ingest/ingest-delivery.js';
import { DIGEST_LABEL } from '../../src/render/index.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { silentLog } from '../helpers/silent-log.js';

export const API = 'https://api.github.com';
export const INSTALLATION_ID = 7;
export const APP_ID = 1;
export const REPOSITORY = {
  id: 100,
  name: 'widgets',
  full_name: 'acme/widgets',
  private: false,
  default_branch: 'main',
  owner: { login: 'acme', id: 9, type: 'Organization' },
};

export const CONFIG_YAML = 'failOn: []\ncomment:\n  enabled: true\ndigest:\n  enabled: true\n  weekday: mon\n  hour: 9\n  timezone: UTC\n';
export const CODEOWNERS = '* @amara\n/storage/ @bjorn @chen\n';

/** A workflow the pull request adds: a dangerous trigger and a curl piped into a shell. */
export const WORKFLOW = [
  'name: ci',
  'on: pull_request_target',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: curl -sSL https://example.com/install.sh | sh',
  '',
].join('\n');
export const WORKFLOW_PATCH = `@@ -0,0 +1,8 @@\n${WORKFLOW.trimEnd().split('\n').map((line) => `+${line}`).join('\n')}`;

const base64 = (text: string) => Buffer.from(text).toString('base64');
const isConfigPath = (repo: string) => (uri: string) =>
  uri.startsWith(`/repos/acme/${repo}/contents/`) && /\.github(%2F|\/)fallacy-watch\.yml/.test(uri);

/** The installation token request every delivery's first API call makes. */
export function mockInstallationToken(scope: nock.Scope = nock(API)): nock.Scope {
  return scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: 'installation-token', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
}

/** `.github/fallacy-watch.yml` of the repository. */
export function mockConfig(scope: nock.Scope = nock(API)): nock.Scope {
  return scope.get(isConfigPath('widgets')).reply(200, CONFIG_YAML, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
}

/** The organisation config in `acme/.github` (`.github/fallacy-watch-org.yml`): absent (404), or the given YAML. */
export function mockOrgConfig(scope: nock.Scope = nock(API), yaml?: string): nock.Scope {
  const isOrgConfig = (uri: string) => uri.startsWith('/repos/acme/.github/contents/') && /fallacy-watch-org\.yml/.test(uri);
  if (yaml === undefined) return scope.get(isOrgConfig).reply(404, { message: 'Not Found' });
  return scope.get(isOrgConfig).reply(200, { type: 'file', path: '.github/fallacy-watch-org.yml', encoding: 'base64', content: base64(yaml) });
}

/** The default branch head and its tree with CODEOWNERS (read once per app lifetime: the area cache keeps it). */
export function mockAreaSources(scope: nock.Scope = nock(API)): nock.Scope {
  return scope
    .get((uri) => /^\/repos\/acme\/widgets\/git\/ref\/heads(%2F|\/)main$/.test(uri))
    .reply(200, { ref: 'refs/heads/main', object: { sha: 'main-head', type: 'commit' } })
    .get('/repos/acme/widgets/git/trees/main-head')
    .query({ recursive: 'true' })
    .reply(200, {
      sha: 'tree',
      truncated: false,
      tree: [
        { path: '.github/CODEOWNERS', type: 'blob', sha: 'blob-codeowners', mode: '100644' },
        { path: 'storage/disk.go', type: 'blob', sha: 'blob-disk', mode: '100644' },
        { path: 'README.md', type: 'blob', sha: 'blob-readme', mode: '100644' },
      ],
    })
    .get('/repos/acme/widgets/git/blobs/blob-codeowners')
    .reply(200, { sha: 'blob-codeowners', encoding: 'base64', content: base64(CODEOWNERS) });
}

/** The pull request's files: a storage change and, with `workflow`, a new workflow (listed twice: files, then workflows). */
export function mockPullRequestFiles(number: number, headSha: string, workflow: boolean, scope: nock.Scope = nock(API)): nock.Scope {
  const files = [
    { filename: 'storage/disk.go', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
    ...(workflow ? [{ filename: '.github/workflows/ci.yml', status: 'added', patch: WORKFLOW_PATCH }] : []),
  ];
  scope.get(`/repos/acme/widgets/pulls/${number}/files`).query({ per_page: '100' }).reply(200, files);
  if (!workflow) return scope;
  return scope
    .get(`/repos/acme/widgets/pulls/${number}/files`)
    .query({ per_page: '100' })
    .reply(200, files)
    .get((uri) => uri.startsWith('/repos/acme/widgets/contents/.github') && uri.includes('ci.yml') && uri.includes(`ref=${headSha}`))
    .reply(200, { type: 'file', path: '.github/workflows/ci.yml', encoding: 'base64', content: base64(WORKFLOW) });
}

/** A `pull_request` payload by a first-time contributor. */
export function aPullRequestPayload(action: string, overrides: { number?: number; headSha?: string; author?: string; association?: string } = {}) {
  const author = { login: overrides.author ?? 'newbie', id: 4242, type: 'User' };
  return {
    action,
    number: overrides.number ?? 41,
    pull_request: {
      id: 9_000_041,
      number: overrides.number ?? 41,
      title: 'Fix @amara #12 <img src=x onerror=alert(1)>',
      user: author,
      author_association: overrides.association ?? 'FIRST_TIME_CONTRIBUTOR',
      state: 'open',
      draft: false,
      created_at: '2026-11-20T08:00:00Z',
      updated_at: '2026-11-20T08:00:00Z',
      closed_at: null,
      merged_at: null,
      additions: 20,
      deletions: 2,
      changed_files: 2,
      labels: [],
      milestone: null,
      requested_reviewers: [],
      base: { ref: 'main', sha: 'base-sha' },
      head: { ref: 'fix-storage', sha: overrides.headSha ?? 'head-1' },
    },
    repository: REPOSITORY,
    installation: { id: INSTALLATION_ID },
    sender: author,
  };
}

/** An `issue_comment.created` payload. */
export function anIssueCommentPayload(body: string, association: string, options: { onPullRequest: boolean; number?: number; issueBody?: string }) {
  const user = { login: association === 'NONE' ? 'passer-by' : 'amara', id: 1000, type: 'User' };
  return {
    action: 'created',
    issue: {
      id: 8_000_000 + (options.number ?? 41),
      number: options.number ?? 41,
      title: 'Something',
      body: options.issueBody ?? '',
      user,
      author_association: association,
      state: 'open',
      created_at: '2026-11-20T08:00:00Z',
      updated_at: '2026-11-21T08:00:00Z',
      closed_at: null,
      labels: [],
      assignees: [],
      milestone: null,
      ...(options.onPullRequest ? { pull_request: { url: 'https://api.github.com/repos/acme/widgets/pulls/41' } } : {}),
    },
    comment: { id: 77_000, body, user, author_association: association, created_at: '2026-11-21T08:00:00Z', updated_at: '2026-11-21T08:00:00Z' },
    repository: REPOSITORY,
    installation: { id: INSTALLATION_ID },
    sender: user,
  };
}

/** What `pulls.get` answers for pull request 41. */
export function aPullRequestResource(headSha: string) {
  return aPullRequestPayload('opened', { headSha }).pull_request;
}

/** No body may mention anyone, cross-reference an issue from user text, or carry raw HTML from user text. */
export const MENTION = /(^|[^\w`\\])@[A-Za-z0-9]/;

/** The default branch's supply-chain reads: no workflows, a README, a security policy and Dependabot, no releases. */
export function mockSupplyChainReads(scope: nock.Scope): void {
  scope
    .get((uri) => /^\/repos\/acme\/widgets\/contents\/\.github(%2F|\/)workflows(\?|$)/.test(uri))
    .reply(404, { message: 'Not Found' })
    .get((uri) => /^\/repos\/acme\/widgets\/contents\/?(\?|$)/.test(uri))
    .reply(200, [{ path: 'README.md', type: 'file' }, { path: 'SECURITY.md', type: 'file' }])
    .get((uri) => /^\/repos\/acme\/widgets\/contents\/\.github(\?|$)/.test(uri))
    .reply(200, [{ path: '.github/dependabot.yml', type: 'file' }])
    .get((uri) => /^\/repos\/acme\/widgets\/contents\/(docs|\.gitlab)(\?|$)/.test(uri))
    .times(2)
    .reply(404, { message: 'Not Found' })
    .get('/repos/acme/widgets/releases')
    .query({ per_page: '5' })
    .reply(200, []);
}

/** What an organisation digest posts: the issue body GitHub received. */
export interface PostedIssue {
  title: string;
  body: string;
  labels: string[];
}

/**
 * One organisation digest run of acme with `orgConfigYaml`, its digest going to acme/community: the organisation's
 * settings and default config (none), acme/widgets' config, areas and supply chain, then no digest yet this week, the
 * label, and one new issue, pushed to `posted`.
 */
export function mockOrgDigestRun(scope: nock.Scope, orgConfigYaml: string, posted: PostedIssue[]): void {
  mockOrgConfig(scope, orgConfigYaml);
  scope
    // The organisation's default config, from its `.github` repository.
    .get((uri) => uri.startsWith('/repos/acme/.github/contents/') && /fallacy-watch\.yml/.test(uri))
    .reply(404, { message: 'Not Found' });
  mockConfig(scope);
  mockAreaSources(scope);
  mockSupplyChainReads(scope);
  scope
    .get('/repos/acme/community/issues')
    .query({ labels: DIGEST_LABEL, state: 'all', per_page: '100' })
    .reply(200, [])
    .get(`/repos/acme/community/labels/${DIGEST_LABEL}`)
    .reply(200, { name: DIGEST_LABEL })
    .post('/repos/acme/community/issues', (body: PostedIssue) => {
      posted.push(body);
      return true;
    })
    .reply(201, { number: 5, html_url: 'https://github.com/acme/community/issues/5' });
}

/** An in-memory store holding 40 generated PRs of acme/widgets (from 2026-10-10), ingested as at `now`. */
export async function openStoreWithHistory(now: Date): Promise<Store> {
  const store = await openStore('sqlite::memory:');
  const history = generateDeliveries({
    pullRequests: 40,
    installationId: INSTALLATION_ID,
    repository: { id: REPOSITORY.id, fullName: REPOSITORY.full_name },
    start: new Date('2026-10-10T00:00:00Z'),
  });
  for (const delivery of history) await ingestDelivery(store, delivery, silentLog, now);
  return store;
}
