import { describe, expect, it } from 'vitest';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator, type GraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import type { GitHubModel } from '../../src/backfill/simulator/github-model.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { backfillSampleRepository, createFakeClock, followUpQueries, followUpSizes, pullRequestsInPageOrder, serveSimulator } from './helpers.js';

const NOW = '2026-11-22T00:00:00.000Z';
const REPO_ID = 100_001;

/** 250 PRs (3 pages) and 125 issues (2 pages), one milestone, one release, all within 180 days of NOW. */
function sampleModel(): GitHubModel {
  return buildGitHubModel(generateDeliveries({ pullRequests: 250, installationId: 0, seed: 3 }));
}

/** Cursors the PR page queries asked for, in order. */
const prCursors = (simulator: GraphQLSimulator) =>
  simulator.log.filter((q) => q.operationName === 'BackfillPullRequests').map((q) => q.variables.cursor ?? null);

const pointsOf = (simulator: GraphQLSimulator, operation: string) =>
  simulator.log.filter((q) => q.operationName === operation).reduce((sum, q) => sum + q.cost, 0);

describe.each(TEST_BACKENDS)('backfillRepository over nock ($name)', (backend) => {
  useStrictNock();
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('walks every page, 100 items at a time, newest first, storing each item once with its files: 1 point per 100 PRs, 1 per 100 files', async () => {
    const clock = createFakeClock(NOW);
    const simulator = createGraphQLSimulator(sampleModel(), { clock });
    // repository + milestones + releases + 3 PR pages + 3 files follow-ups (100, 100, 50) + 2 issue pages
    serveSimulator(simulator, 11);
    const result = await backfillSampleRepository(store, { clock, now: NOW });

    expect(prCursors(simulator)).toEqual([null, expect.any(String), expect.any(String)]);
    expect(new Set(prCursors(simulator)).size).toBe(3);
    expect(followUpSizes(simulator)).toEqual([100, 100, 50]);
    expect(result.items).toEqual({ milestones: 1, releases: 1, pullRequests: 250, issues: 125 });
    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.pullRequests).toHaveLength(250);
    expect(activity?.issues).toHaveLength(125);
    expect(activity?.pullRequestFiles).toHaveLength(250);
    expect(result.points).toBe(simulator.log.reduce((sum, q) => sum + q.cost, 0));
    expect(pointsOf(simulator, 'BackfillPullRequests')).toBe(3);
    expect(pointsOf(simulator, 'BackfillFollowUps')).toBe(3);
    expect(pointsOf(simulator, 'BackfillIssues')).toBe(2);
    expect(result.points).toBe(1 + 1 + 1 + 3 + 3 + 2);
  });

  it('stops at the backfillDays horizon', async () => {
    const clock = createFakeClock(NOW);
    const model = sampleModel();
    const simulator = createGraphQLSimulator(model, { clock });
    const now = '2026-07-20T00:00:00.000Z';
    const horizon = '2026-07-10T00:00:00.000Z';
    // repository, milestones, releases, 1 PR page (cut at the horizon), its files, 1 issue page (filtered by `since`)
    serveSimulator(simulator, 6);
    await backfillSampleRepository(store, { clock, now, backfillDays: 10 });
    const activity = await store.loadActivity(0, REPO_ID);
    const expected = model.pullRequests.filter((pr) => Date.parse(pr.updatedAt) >= Date.parse(horizon));
    expect(expected.length).toBeGreaterThan(0);
    expect(activity?.pullRequests.map((pr) => pr.number).sort((a, b) => a - b)).toEqual(
      expected.map((pr) => pr.number).sort((a, b) => a - b),
    );
    expect(followUpSizes(simulator)).toEqual([expected.length]);
    expect(prCursors(simulator)).toHaveLength(1);
  });

  it('waits out a secondary-limit 403 with retry-after mid-run, then carries on', async () => {
    const clock = createFakeClock(NOW);
    const simulator = createGraphQLSimulator(sampleModel(), { clock });
    serveSimulator(simulator, 12, (request) =>
      request === 5
        ? [403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '30' }]
        : undefined,
    );
    const result = await backfillSampleRepository(store, { clock, now: NOW });
    expect(clock.sleeps).toEqual([30_000]);
    expect(result.items.pullRequests).toBe(250);
    expect(prCursors(simulator)).toHaveLength(3);
  });

  it('syncs incrementally for about 1 point per 100 changed PRs, fetching files only of PRs with new commits', async () => {
    const clock = createFakeClock(NOW);
    const model = sampleModel();
    const simulator = createGraphQLSimulator(model, { clock });
    serveSimulator(simulator, 11);
    await backfillSampleRepository(store, { clock, now: NOW });
    simulator.log.length = 0;

    const later = '2026-11-25T00:00:00.000Z';
    const changed = pullRequestsInPageOrder(model).slice(0, 3);
    for (const [i, pr] of changed.entries()) {
      pr.updatedAt = `2026-11-24T0${i}:00:00Z`;
      pr.timeline.push({
        __typename: 'IssueComment',
        databaseId: 7_000_000 + i,
        author: { __typename: 'User', login: 'late-reviewer' },
        createdAt: pr.updatedAt,
        updatedAt: pr.updatedAt,
      });
    }
    const pushed = changed[0]!;
    pushed.headRefOid = 'e'.repeat(40);
    pushed.paths = ['api/pushed-later.ts'];
    // repository, milestones, releases, 1 PR page, the pushed PR's files, 1 issue page — each cut short at the last sync
    serveSimulator(simulator, 6);
    const result = await backfillSampleRepository(store, { clock, now: later });

    expect(result.items.pullRequests).toBe(3);
    expect(result.items.issues).toBe(0);
    expect(prCursors(simulator)).toEqual([null]);
    expect(followUpQueries(simulator).map((q) => q.variables)).toEqual([{ id0: expect.stringMatching(/^PR_/) }]);
    expect(result.points).toBe(6);
    expect(simulator.log.find((q) => q.operationName === 'BackfillIssues')?.variables.since).toBe(NOW);
    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.comments.filter((c) => c.author === 'late-reviewer')).toHaveLength(3);
    expect(activity?.pullRequests).toHaveLength(250);
    expect(activity?.pullRequestFiles.find((f) => f.prNumber === pushed.number)?.paths).toEqual(['api/pushed-later.ts']);
  });
});
