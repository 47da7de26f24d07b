import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GitHubClient } from '../../src/github/client.js';
import { readRepositorySupplyChain } from '../../src/supply-chain/read-repository-supply-chain.js';
import { systemClock } from '../../src/backfill/backfill-clock.js';
import { backfillRepository } from '../../src/backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import { createProductionProbot } from '../../src/ops/create-probot.js';
import { readProductionSettings } from '../../src/ops/production-settings.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../src/simulator/start-github-simulator.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_PRIVATE_KEY, TEST_WEBHOOK_SECRET } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';

const dataset = {
  installations: [
    {
      id: 7,
      account: 'acme',
      repositories: [
        {
          id: 70,
          fullName: 'acme/rocket',
          defaultBranch: 'main',
          files: { CODEOWNERS: '* @acme/core\n', '.github/workflows/ci.yml': 'on: push\n' },
          pullFiles: { 3: Array.from({ length: 45 }, (_, i) => ({ filename: `src/file-${i}.ts` })) },
        },
      ],
    },
    { id: 8, account: 'other', repositories: [{ id: 80, fullName: 'other/thing', defaultBranch: 'trunk' }] },
  ],
};

/** A real server on loopback driven by the app's own Probot client: no HTTP mocks involved. */
describe('the GitHub API simulator (real Octokit over loopback)', () => {
  let simulator: GitHubSimulator;
  let probot: Probot;
  beforeEach(async () => {
    simulator = await startGitHubSimulator({ dataset });
    const settings = readProductionSettings({ APP_ID: '1', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, GITHUB_API_URL: simulator.url, GITHUB_WRITE_INTERVAL_MS: '0' });
    probot = createProductionProbot(settings, silentLog);
  });
  afterEach(() => simulator.close());

  it('issues installation tokens and lists each installation its own repositories', async () => {
    const octokit = await probot.auth(8);
    const { data } = await octokit.request('GET /installation/repositories');
    expect(data.repositories.map((r: { full_name: string }) => r.full_name)).toEqual(['other/thing']);
    const app = await probot.auth();
    expect((await app.paginate('GET /app/installations')).map((i: { id: number }) => i.id)).toEqual([7, 8]);
  });

  it('answers the supply-chain reads of a digest: folders, files and releases', async () => {
    const octokit = (await probot.auth(7)) as unknown as GitHubClient;
    const warn = vi.fn();
    const findings = await readRepositorySupplyChain(octokit, { owner: 'acme', repo: 'rocket', repoId: 70, fullName: 'acme/rocket' }, { warn });
    expect(warn).not.toHaveBeenCalled();
    expect(simulator.unspoken).toEqual([]);
    // The workflows folder is listed and its file read; the root is listed (no security policy, no Dependabot).
    expect(simulator.requests).toEqual(
      expect.arrayContaining([
        'GET /repos/acme/rocket/contents/.github%2Fworkflows',
        'GET /repos/acme/rocket/contents/.github%2Fworkflows%2Fci.yml',
        'GET /repos/acme/rocket/releases',
      ]),
    );
    expect(findings?.map((finding) => finding.kind).sort()).toEqual(['no-dependency-updates', 'no-security-policy']);
  });

  it('records check runs, comments, issues and labels, and answers reads from what was written', async () => {
    const octokit = await probot.auth(7);
    const repo = { owner: 'acme', repo: 'rocket' };
    const run = await octokit.rest.checks.create({ ...repo, name: 'fallacy-watch', head_sha: 'abc', status: 'in_progress' });
    await octokit.rest.checks.update({ ...repo, check_run_id: run.data.id, status: 'completed', conclusion: 'neutral' });
    const listed = await octokit.rest.checks.listForRef({ ...repo, ref: 'abc', check_name: 'fallacy-watch' });
    expect(listed.data.check_runs).toMatchObject([{ id: run.data.id, conclusion: 'neutral' }]);

    const comment = await octokit.rest.issues.createComment({ ...repo, issue_number: 3, body: '<!-- marker --> hi' });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.data.id, body: '<!-- marker --> edited' });
    expect((await octokit.rest.issues.listComments({ ...repo, issue_number: 3 })).data.map((c) => c.body)).toEqual(['<!-- marker --> edited']);

    await octokit.rest.issues.create({ ...repo, title: 'Weekly digest', labels: ['community-health'] });
    expect((await octokit.rest.issues.listForRepo({ ...repo, labels: 'community-health' })).data).toHaveLength(1);
    expect(simulator.state.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /app/installations/7/access_tokens',
      'POST /repos/acme/rocket/check-runs',
      'PATCH /repos/acme/rocket/check-runs/' + run.data.id,
      'POST /repos/acme/rocket/issues/3/comments',
      'PATCH /repos/acme/rocket/issues/comments/' + comment.data.id,
      'POST /repos/acme/rocket/issues',
    ]);
  });

  it('serves pull request files in pages, file contents and the tree', async () => {
    const octokit = await probot.auth(7);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'acme', repo: 'rocket', pull_number: 3, per_page: 20 });
    expect(files).toHaveLength(45);
    const content = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'rocket', path: 'CODEOWNERS' });
    expect(Buffer.from((content.data as { content: string }).content, 'base64').toString()).toBe('* @acme/core\n');
    const tree = await octokit.rest.git.getTree({ owner: 'acme', repo: 'rocket', tree_sha: 'main', recursive: '1' });
    expect(tree.data.tree.map((t) => t.path).sort()).toEqual(['.github/workflows/ci.yml', 'CODEOWNERS']);
    await expect(octokit.rest.repos.getContent({ owner: 'acme', repo: 'rocket', path: 'OWNERS' })).rejects.toMatchObject({ status: 404 });
  });

  it("answers the backfill's GraphQL queries against GitHub's schema, so a backfill runs end to end", async () => {
    const octokit = await probot.auth(7);
    const store = await openStore('sqlite::memory:');
    const result = await backfillRepository({
      store,
      graphql: (query, variables) => octokit.graphql(query, variables),
      governor: createRateLimitGovernor({ clock: systemClock }),
      installationId: 7,
      repository: 'acme/rocket',
      now: new Date('2026-11-23T00:00:00Z'),
    });
    expect(result.repository).toEqual({ installationId: 7, repoId: 70, fullName: 'acme/rocket', defaultBranch: 'main', private: false, archived: false, fork: false });
    expect(await store.listRepositories(7)).toHaveLength(1);
    await expect(octokit.graphql('query { repository(owner: "acme", name: "rocket") { nope } }')).rejects.toThrow(/nope/);
    await store.close();
  });

  it('counts each installation’s points in x-ratelimit headers', async () => {
    const octokit = await probot.auth(7);
    const first = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'rocket' });
    const second = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'rocket' });
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1);
  });

  it('injects 500s, secondary-limit 403s with retry-after, and slow answers; the app’s client retries through them', async () => {
    const octokit = await probot.auth(7);
    simulator.injectFaults([
      { method: 'POST', path: /\/check-runs$/, kind: 'error', times: 1 },
      { method: 'POST', path: /\/comments$/, kind: 'secondary-limit', times: 1, retryAfterSeconds: 1 },
      { method: 'GET', path: /^\/repos\/acme\/rocket$/, kind: 'slow', times: 1, delayMs: 300 },
    ]);
    const run = await octokit.rest.checks.create({ owner: 'acme', repo: 'rocket', name: 'x', head_sha: 'abc' });
    expect(run.status).toBe(201);
    const comment = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'rocket', issue_number: 1, body: 'hi' });
    expect(comment.status).toBe(201);
    const started = Date.now();
    await octokit.rest.repos.get({ owner: 'acme', repo: 'rocket' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(simulator.firedFaults.map((f) => f.kind)).toEqual(['error', 'secondary-limit', 'slow']);
    expect(simulator.state.checkRuns).toHaveLength(1);
    expect(simulator.state.comments).toHaveLength(1);
  });
});
