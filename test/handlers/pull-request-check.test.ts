import nock from 'nock';
import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/create-app.js';
import { ingestDelivery } from '../../src/ingest/ingest-delivery.js';
import { CHECK_RUN_NAME, PR_COMMENT_MARKER } from '../../src/render/index.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestProbot } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import {
  API,
  APP_ID,
  aPullRequestPayload,
  aPullRequestResource,
  anIssueCommentPayload,
  INSTALLATION_ID,
  MENTION,
  mockAreaSources,
  mockConfig,
  mockInstallationToken,
  mockPullRequestFiles,
  REPOSITORY,
} from './github-fixtures.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const CHECK_RUNS = '/repos/acme/widgets/commits/head-1/check-runs';
const CHECK_RUN_QUERY = { check_name: CHECK_RUN_NAME, filter: 'all', per_page: '100', app_id: String(APP_ID) };

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status: string;
  conclusion: string;
  output: { title: string; summary: string; text?: string; annotations: Array<{ path: string; start_line: number; annotation_level: string }> };
}

/** The app over a store holding a few weeks of activity of `acme/widgets`, fed deliveries through `probot.receive`. */
describe('the check run and sticky comment of a pull request, through probot.receive', () => {
  useStrictNock();
  let store: Store;
  let probot: Probot;

  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    const history = generateDeliveries({
      pullRequests: 40,
      installationId: INSTALLATION_ID,
      repository: { id: REPOSITORY.id, fullName: REPOSITORY.full_name },
      start: new Date('2026-10-10T00:00:00Z'),
    });
    for (const delivery of history) await ingestDelivery(store, delivery, silentLog, NOW);
    probot = createTestProbot();
    await probot.load(createApp({ store, now: () => NOW, appId: APP_ID }));
  });

  afterEach(async () => {
    await store.close();
  });

  const receive = (name: 'pull_request' | 'check_suite' | 'check_run' | 'issue_comment', payload: object, id: string) =>
    probot.receive({ id, name, payload } as never);

  /** The first delivery: token, config, areas, files (with a new workflow), no check run yet, no comment yet. */
  async function publishFirstTime(): Promise<{ checkRun: CheckRunBody; comment: string }> {
    let checkRun: CheckRunBody | undefined;
    let comment: string | undefined;
    const scope = mockInstallationToken();
    mockConfig(scope);
    mockAreaSources(scope);
    mockPullRequestFiles(41, 'head-1', true, scope);
    scope
      .get(CHECK_RUNS)
      .query(CHECK_RUN_QUERY)
      .reply(200, { total_count: 0, check_runs: [] })
      .post('/repos/acme/widgets/check-runs', (body: CheckRunBody) => {
        checkRun = body;
        return true;
      })
      .reply(201, { id: 555 })
      .get('/repos/acme/widgets/issues/41/comments')
      .query({ per_page: '100' })
      .reply(200, [])
      .post('/repos/acme/widgets/issues/41/comments', (body: { body: string }) => {
        comment = body.body;
        return true;
      })
      .reply(201, { id: 777 });
    await receive('pull_request', aPullRequestPayload('opened'), 'delivery-opened');
    return { checkRun: checkRun!, comment: comment! };
  }

  /** What recomputing PR #41's run reads from GitHub: the PR, the config and its files (the installation token is cached since the first delivery). */
  function mockRecomputeReads(): nock.Scope {
    const scope = nock(API);
    scope.get('/repos/acme/widgets/pulls/41').reply(200, aPullRequestResource('head-1'));
    mockConfig(scope);
    mockPullRequestFiles(41, 'head-1', true, scope);
    return scope;
  }

  /**
   * Publishes the first run, then mocks what recomputing it asks of GitHub (the PR, config, files, the existing run,
   * its annotations, its update and the existing comment, unchanged); `updated()` is the run's update.
   */
  async function mockRecomputeOfFirstRun(): Promise<{ checkRun: CheckRunBody; updated: () => CheckRunBody | undefined }> {
    const { checkRun, comment } = await publishFirstTime();
    let update: CheckRunBody | undefined;
    const scope = mockRecomputeReads();
    scope
      .get(CHECK_RUNS)
      .query(CHECK_RUN_QUERY)
      .reply(200, existingRun(checkRun.output.annotations.length))
      .get('/repos/acme/widgets/check-runs/555/annotations')
      .query({ per_page: '100' })
      .reply(200, checkRun.output.annotations)
      .patch('/repos/acme/widgets/check-runs/555', (body: CheckRunBody) => {
        update = body;
        return true;
      })
      .reply(200, { id: 555 })
      .get('/repos/acme/widgets/issues/41/comments')
      .query({ per_page: '100' })
      .reply(200, existingComment(comment));
    return { checkRun, updated: () => update };
  }

  /** The check run and comment as GitHub now holds them. */
  const existingRun = (annotations: number) => ({
    total_count: 1,
    check_runs: [{ id: 555, name: CHECK_RUN_NAME, head_sha: 'head-1', app: { id: APP_ID }, output: { annotations_count: annotations } }],
  });
  const existingComment = (body: string) => [
    { id: 777, body, user: { login: 'fallacy-watch[bot]', type: 'Bot' }, performed_via_github_app: { id: APP_ID } },
  ];

  it('for a first-time contributor: creates the check run with annotations, saves the files, and welcomes them once', async () => {
    const { checkRun, comment } = await publishFirstTime();

    expect(checkRun).toMatchObject({ name: 'Community health', head_sha: 'head-1', status: 'completed', conclusion: 'neutral' });
    expect(checkRun.output.summary).toContain('storage');
    expect(checkRun.output.annotations.length).toBeGreaterThan(0);
    expect(checkRun.output.annotations.every((annotation) => annotation.path === '.github/workflows/ci.yml')).toBe(true);

    expect(comment.startsWith(PR_COMMENT_MARKER)).toBe(true);
    expect(comment).toContain('Welcome');
    expect(comment).toMatch(/timelines are optimistic/i);
    expect(comment).toContain('Supply-chain risks in this pull request');

    for (const body of [checkRun.output.title, checkRun.output.summary, checkRun.output.text ?? '', comment]) {
      expect(body).not.toMatch(MENTION);
      expect(body).not.toContain('<img');
      expect(body).not.toContain('#12');
    }
    const activity = await store.loadActivity(INSTALLATION_ID, REPOSITORY.id);
    expect(activity?.pullRequestFiles.find((files) => files.prNumber === 41)?.paths.sort()).toEqual(['.github/workflows/ci.yml', 'storage/disk.go']);
  });

  it('on a repeat synchronize: updates the one check run, sends no annotation twice, and leaves an unchanged comment alone', async () => {
    const { checkRun, comment } = await publishFirstTime();
    let update: CheckRunBody | undefined;
    const scope = nock(API); // the installation token is cached since the first delivery
    mockConfig(scope);
    mockPullRequestFiles(41, 'head-1', true, scope);
    scope
      .get(CHECK_RUNS)
      .query(CHECK_RUN_QUERY)
      .reply(200, existingRun(checkRun.output.annotations.length))
      .get('/repos/acme/widgets/check-runs/555/annotations')
      .query({ per_page: '100' })
      .reply(200, checkRun.output.annotations.map((annotation) => ({ ...annotation, blob_href: 'x' })))
      .patch('/repos/acme/widgets/check-runs/555', (body: CheckRunBody) => {
        update = body;
        return true;
      })
      .reply(200, { id: 555 })
      .get('/repos/acme/widgets/issues/41/comments')
      .query({ per_page: '100' })
      .reply(200, existingComment(comment));

    await receive('pull_request', aPullRequestPayload('synchronize'), 'delivery-synchronize');

    expect(update).toMatchObject({ status: 'completed', conclusion: checkRun.conclusion });
    expect(update!.output.summary).toBe(checkRun.output.summary);
    expect(update!.output.annotations).toEqual([]);
  });

  it.each([
    ['recomputes and updates the run of that head commit', [{ number: 41 }], 'delivery-rerequested'],
    ["naming no pull request (a fork's): finds the open PR of that head in the store and updates its run", [], 'delivery-fork-rerequested'],
  ])('on a rerequested check suite %s', async (_, pullRequests, deliveryId) => {
    const { checkRun, updated } = await mockRecomputeOfFirstRun();

    await receive(
      'check_suite',
      {
        action: 'rerequested',
        check_suite: { id: 1, head_sha: 'head-1', head_branch: 'fix-storage', pull_requests: pullRequests },
        repository: REPOSITORY,
        installation: { id: INSTALLATION_ID },
        sender: { login: 'amara', id: 1000, type: 'User' },
      },
      deliveryId,
    );
    expect(updated()).toMatchObject({ conclusion: 'neutral', output: { title: checkRun.output.title } });
  });

  it('on the single-check "Re-run" of its own run (check_run rerequested): recomputes and updates that run', async () => {
    const { checkRun, updated } = await mockRecomputeOfFirstRun();

    await receive(
      'check_run',
      {
        action: 'rerequested',
        check_run: { id: 555, name: CHECK_RUN_NAME, head_sha: 'head-1', app: { id: APP_ID }, pull_requests: [{ number: 41 }] },
        repository: REPOSITORY,
        installation: { id: INSTALLATION_ID },
        sender: { login: 'amara', id: 1000, type: 'User' },
      },
      'delivery-run-rerequested',
    );
    expect(updated()).toMatchObject({ conclusion: 'neutral', output: { title: checkRun.output.title } });
  });

  it('ignores the re-run of another check (another name or another app): makes no request at all', async () => {
    for (const [name, appId] of [['CI', APP_ID], [CHECK_RUN_NAME, APP_ID + 1]] as const) {
      await receive(
        'check_run',
        {
          action: 'rerequested',
          check_run: { id: 9, name, head_sha: 'head-1', app: { id: appId }, pull_requests: [{ number: 41 }] },
          repository: REPOSITORY,
          installation: { id: INSTALLATION_ID },
          sender: { login: 'amara', id: 1000, type: 'User' },
        },
        `delivery-other-${name}-${appId}`,
      );
    }
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('on `/fallacy-watch refresh` by a collaborator: recomputes the check run; the comment changed and is edited in place', async () => {
    await publishFirstTime();
    let edited: string | undefined;
    const scope = mockRecomputeReads();
    scope
      .get(CHECK_RUNS)
      .query(CHECK_RUN_QUERY)
      .reply(200, existingRun(0))
      .patch('/repos/acme/widgets/check-runs/555')
      .reply(200, { id: 555 })
      .get('/repos/acme/widgets/issues/41/comments')
      .query({ per_page: '100' })
      .reply(200, [
        ...existingComment(`${PR_COMMENT_MARKER}\nan older text\n\n<!-- fallacy-watch:hash:0000000000000000 -->\n`),
        { id: 778, body: `${PR_COMMENT_MARKER} typed by a person`, user: { login: 'prankster', type: 'User' } },
      ])
      .patch('/repos/acme/widgets/issues/comments/777', (body: { body: string }) => {
        edited = body.body;
        return true;
      })
      .reply(200, { id: 777 });

    await receive('issue_comment', anIssueCommentPayload('Thanks!\n/fallacy-watch refresh\n', 'COLLABORATOR', { onPullRequest: true }), 'delivery-refresh');
    expect(edited).toContain('Welcome');
  });

  it('on `/fallacy-watch refresh` by someone without write access, or an unrelated comment: makes no request at all', async () => {
    await receive('issue_comment', anIssueCommentPayload('/fallacy-watch refresh', 'NONE', { onPullRequest: true }), 'delivery-stranger');
    await receive('issue_comment', anIssueCommentPayload('/fallacy-watch refresh', 'CONTRIBUTOR', { onPullRequest: true }), 'delivery-contributor');
    await receive('issue_comment', anIssueCommentPayload('please /fallacy-watch refresh this', 'OWNER', { onPullRequest: true }), 'delivery-prose');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('removes the comment once there is nothing left for the author to know', async () => {
    const scope = mockInstallationToken();
    mockConfig(scope);
    mockAreaSources(scope);
    mockPullRequestFiles(41, 'head-1', false, scope);
    scope
      .get(CHECK_RUNS)
      .query(CHECK_RUN_QUERY)
      .reply(200, existingRun(0))
      .patch('/repos/acme/widgets/check-runs/555')
      .reply(200, { id: 555 })
      .get('/repos/acme/widgets/issues/41/comments')
      .query({ per_page: '100' })
      .reply(200, existingComment(`${PR_COMMENT_MARKER}\nold welcome\n`))
      .delete('/repos/acme/widgets/issues/comments/777')
      .reply(204);
    await receive('pull_request', aPullRequestPayload('reopened', { association: 'CONTRIBUTOR', author: 'eve' }), 'delivery-reopened');
  });
});
