import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import nock from 'nock';
import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAreaContextCache } from '../../src/areas/area-context-cache.js';
import { shareAreaContextCache } from '../../src/areas/share-area-context-cache.js';
import type { GitHubClient } from '../../src/github/client.js';
import { createWorkerHandlers } from '../../src/handlers/create-worker-handlers.js';
import { createRedisAreaChangeFeed, type RedisAreaChangeFeed } from '../../src/queue/redis-area-change-feed.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { CHECK_RUN_NAME } from '../../src/render/index.js';
import type { Store } from '../../src/store/store.js';
import {
  API,
  APP_ID,
  aPullRequestPayload,
  CODEOWNERS,
  INSTALLATION_ID,
  mockInstallationToken,
  mockPullRequestFiles,
  openStoreWithHistory,
  REPOSITORY,
} from '../handlers/github-fixtures.js';
import { createTestProbot, TestOctokit } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { waitFor } from '../helpers/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = new Date('2026-11-21T12:00:00Z');
/** The comment off: each check run is the config, the areas (when not cached), the files and the check run. */
const CONFIG_YAML = 'failOn: []\ncomment:\n  enabled: false\n';
/** CODEOWNERS after the push: `storage/` is no longer an area of its own. */
const NEW_CODEOWNERS = '* @amara\n/engine/ @dana\n';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The default branch at `head`, whose tree holds CODEOWNERS as blob `blob` with `text`. */
function mockAreaSourcesAt(scope: nock.Scope, head: string, blob: string, text: string): nock.Scope {
  return scope
    .get((uri) => /^\/repos\/acme\/widgets\/git\/ref\/heads(%2F|\/)main$/.test(uri))
    .reply(200, { ref: 'refs/heads/main', object: { sha: head, type: 'commit' } })
    .get(`/repos/acme/widgets/git/trees/${head}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: `tree-${head}`,
      truncated: false,
      tree: [
        { path: '.github/CODEOWNERS', type: 'blob', sha: blob, mode: '100644' },
        { path: 'storage/disk.go', type: 'blob', sha: 'blob-disk', mode: '100644' },
      ],
    })
    .get(`/repos/acme/widgets/git/blobs/${blob}`)
    .reply(200, { sha: blob, encoding: 'base64', content: base64(text) });
}

/** One check run of PR 41 at `headSha` (none there yet): its config, files, and the created run, whose summary is kept. */
function mockCheckRun(scope: nock.Scope, headSha: string, summaries: string[]): nock.Scope {
  scope
    .get((uri) => uri.startsWith('/repos/acme/widgets/contents/') && /\.github(%2F|\/)fallacy-watch\.yml/.test(uri))
    .reply(200, CONFIG_YAML, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
  mockPullRequestFiles(41, headSha, false, scope);
  return scope
    .get(`/repos/acme/widgets/commits/${headSha}/check-runs`)
    .query({ check_name: CHECK_RUN_NAME, filter: 'all', per_page: '100', app_id: String(APP_ID) })
    .reply(200, { total_count: 0, check_runs: [] })
    .post('/repos/acme/widgets/check-runs', (body: { output: { summary: string } }) => {
      summaries.push(body.output.summary);
      return true;
    })
    .reply(201, { id: 555 });
}

const pushPayload = (modified: string[]) => ({
  ref: 'refs/heads/main',
  before: 'main-head',
  after: 'main-head-2',
  forced: false,
  deleted: false,
  commits: [{ id: 'main-head-2', added: [], removed: [], modified }],
  repository: REPOSITORY,
  installation: { id: INSTALLATION_ID },
  sender: { login: 'amara', id: 1000, type: 'User' },
});

/** The subscriber connection of a feed, killed from the server side (as a Redis restart or a network cut would). */
async function killSubscriber(admin: Redis, feed: RedisAreaChangeFeed): Promise<void> {
  const clients = String(await admin.client('LIST')).split('\n');
  const ids = clients.filter((line) => line.includes(` name=${feed.connectionName} `)).map((line) => /(?:^| )id=(\d+)/.exec(line)?.[1]);
  expect(ids).toHaveLength(1);
  await admin.client('KILL', 'ID', ids[0]!);
}

describe('area cache invalidation across queue workers (Redis pub/sub on loopback)', () => {
  useStrictNock();
  let prefix: string;
  let admin: Redis;
  let store: Store;
  const feeds: RedisAreaChangeFeed[] = [];

  beforeEach(async () => {
    prefix = `fw-test-${randomBytes(4).toString('hex')}`;
    admin = createRedisConnection(REDIS_URL);
    store = await openStoreWithHistory(NOW);
    vi.stubEnv('APP_ID', String(APP_ID));
  });

  afterEach(async () => {
    for (const feed of feeds.splice(0)) await feed.close();
    await admin.quit();
    await store.close();
    vi.unstubAllEnvs();
  });

  const openFeed = async () => {
    const feed = createRedisAreaChangeFeed(admin, prefix, silentLog);
    feeds.push(feed);
    await feed.ready;
    return feed;
  };

  /** One worker process's handlers (as `fallacy-watch worker` loads them) behind its own Probot and its own feed. */
  async function startWorker(): Promise<{ probot: Probot; feed: RedisAreaChangeFeed; drops: string[] }> {
    const feed = await openFeed();
    const handlers = await createWorkerHandlers({ store, now: () => NOW, log: silentLog, areaChanges: feed });
    const probot = createTestProbot();
    await probot.load(handlers.reactions!);
    // Registered after the worker's cache, so a drop seen here has already reached that cache.
    const drops: string[] = [];
    feed.subscribe({ drop: async (installationId, repoId) => void drops.push(`${installationId}/${repoId}`), clear: () => {} });
    return { probot, feed, drops };
  }

  /** Workers A and B; B's first check run has read the areas (storage/ is an area) and keeps them. */
  async function twoWorkersWithBCachingAreas() {
    const a = await startWorker();
    const b = await startWorker();
    const summaries: string[] = [];
    const first = mockInstallationToken();
    mockAreaSourcesAt(first, 'main-head', 'blob-codeowners', CODEOWNERS);
    mockCheckRun(first, 'head-1', summaries);
    await b.probot.receive({ id: 'pr-opened', name: 'pull_request', payload: aPullRequestPayload('opened') } as never);
    return { a, b, summaries, first };
  }

  it("a CODEOWNERS push handled by worker A makes worker B's next check run read the new owners", async () => {
    const { a, b, summaries, first } = await twoWorkersWithBCachingAreas();
    expect(first.isDone()).toBe(true);

    // A handles the push that changes CODEOWNERS: no GitHub request, a drop on the feed that B hears.
    await a.probot.receive({ id: 'push-codeowners', name: 'push', payload: pushPayload(['.github/CODEOWNERS']) } as never);
    await waitFor(() => b.drops.length === 1);
    expect(b.drops).toEqual([`${INSTALLATION_ID}/${REPOSITORY.id}`]);

    // B's next check run reads the new head's CODEOWNERS (strict nock: without the drop these mocks go unused).
    const second = nock(API);
    mockAreaSourcesAt(second, 'main-head-2', 'blob-codeowners-2', NEW_CODEOWNERS);
    mockCheckRun(second, 'head-2', summaries);
    await b.probot.receive({ id: 'pr-synchronize', name: 'pull_request', payload: aPullRequestPayload('synchronize', { headSha: 'head-2' }) } as never);
    expect(second.isDone()).toBe(true);

    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toContain('storage');
    expect(summaries[1]).not.toContain('storage');
    expect(summaries[1]).not.toEqual(summaries[0]);
  });

  it('a push that touches no area source drops nothing anywhere, and B keeps serving its cache', async () => {
    const { a, b, summaries } = await twoWorkersWithBCachingAreas();

    await a.probot.receive({ id: 'push-code', name: 'push', payload: pushPayload(['storage/disk.go']) } as never);
    // A marker published after the push: once B hears it, B would have heard a drop the push published.
    await a.feed.publish(0, 0);
    await waitFor(() => b.drops.length === 1);
    expect(b.drops).toEqual(['0/0']);

    // No area reads this time: the cache still holds them.
    mockCheckRun(nock(API), 'head-2', summaries);
    await b.probot.receive({ id: 'pr-synchronize', name: 'pull_request', payload: aPullRequestPayload('synchronize', { headSha: 'head-2' }) } as never);
    expect(summaries).toHaveLength(2);
    expect(summaries[1]).toContain('storage');
  });

  it('a worker whose subscriber reconnects forgets every cached repository (drops published meanwhile are lost), then hears drops again', async () => {
    const feed = await openFeed();
    const cache = shareAreaContextCache(createAreaContextCache(), feed);
    const cleared: number[] = [];
    feed.subscribe({ drop: async () => {}, clear: () => void cleared.push(Date.now()) });
    const octokit = new TestOctokit({ auth: 'token' }) as unknown as GitHubClient;
    const target = { installationId: INSTALLATION_ID, repoId: REPOSITORY.id, owner: 'acme', repo: 'widgets', defaultBranch: 'main' };

    mockAreaSourcesAt(nock(API), 'main-head', 'blob-codeowners', CODEOWNERS);
    await cache.load(octokit, target);
    expect(cache.has(INSTALLATION_ID, REPOSITORY.id)).toBe(true);

    await killSubscriber(admin, feed);
    await waitFor(() => cleared.length === 1);
    expect(cache.has(INSTALLATION_ID, REPOSITORY.id)).toBe(false);

    // Subscribed again: a drop published by another worker reaches this cache.
    mockAreaSourcesAt(nock(API), 'main-head-2', 'blob-codeowners-2', NEW_CODEOWNERS);
    const reloaded = await cache.load(octokit, target);
    expect(reloaded.sha).toBe('main-head-2');
    const other = await openFeed();
    await other.publish(INSTALLATION_ID, REPOSITORY.id);
    await waitFor(() => !cache.has(INSTALLATION_ID, REPOSITORY.id));
  });
});
