import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backfillRepository, type GraphQLRequest } from '../../src/backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator, type GraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import type { GitHubModel } from '../../src/backfill/simulator/github-model.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { TEST_BACKENDS } from '../helpers/stores.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { createFakeClock, serveSimulator } from './helpers.js';

const NOW = '2026-11-22T00:00:00.000Z';
const REPO_ID = 100_001;

/** 250 PRs (3 pages) and 125 issues (2 pages), one milestone, one release, all within 180 days of NOW. */
function sampleModel(): GitHubModel {
  return buildGitHubModel(generateDeliveries({ pullRequests: 250, installationId: 0, seed: 3 }));
}

/** Cursors the PR page queries asked for, in order. */
const prCursors = (simulator: GraphQLSimulator) =>
  simulator.log.filter((q) => q.operationName === 'BackfillPullRequests').map((q) => q.variables.cursor ?? null);

describe.each(TEST_BACKENDS)('backfillRepository over nock ($name)', (backend) => {
  useStrictNock();
  let opened: { store: Store; drop(): Promise<void> };
  let store: Store;
  beforeEach(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterEach(() => opened.drop());

  const run = (simulator: GraphQLSimulator, clock = createFakeClock(NOW), graphql?: GraphQLRequest, now = NOW) => {
    const octokit = createTestOctokit();
    return backfillRepository({
      store,
      graphql: graphql ?? ((query, variables) => octokit.graphql(query, variables)),
      governor: createRateLimitGovernor({ clock }),
      installationId: 0,
      repository: 'sample-org/sample-repo',
      now: new Date(now),
    });
  };

  it('walks every page, 100 items at a time, newest first, and stores each item once', async () => {
    const clock = createFakeClock(NOW);
    const simulator = createGraphQLSimulator(sampleModel(), { clock });
    // repository + milestones + releases + 3 PR pages + 2 issue pages
    serveSimulator(simulator, 8);
    const result = await run(simulator, clock);

    expect(prCursors(simulator)).toEqual([null, expect.any(String), expect.any(String)]);
    expect(new Set(prCursors(simulator)).size).toBe(3);
    expect(result.items).toEqual({ milestones: 1, releases: 1, pullRequests: 250, issues: 125 });
    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.pullRequests).toHaveLength(250);
    expect(activity?.issues).toHaveLength(125);
    expect(activity?.pullRequestFiles).toHaveLength(250);
    expect(result.points).toBe(simulator.log.reduce((sum, q) => sum + q.cost, 0));
    expect(result.points).toBe(1 + 1 + 1 + 3 * 3 + 2 * 3);
  });

  it('stops at the backfillDays horizon', async () => {
    const clock = createFakeClock(NOW);
    const model = sampleModel();
    const simulator = createGraphQLSimulator(model, { clock });
    const now = '2026-07-20T00:00:00.000Z';
    const horizon = '2026-07-10T00:00:00.000Z';
    // repository, milestones, releases, 1 PR page (cut at the horizon), 1 issue page (filtered by `since`)
    serveSimulator(simulator, 5);
    const octokit = createTestOctokit();
    await backfillRepository({
      store,
      graphql: (query, variables) => octokit.graphql(query, variables),
      governor: createRateLimitGovernor({ clock }),
      installationId: 0,
      repository: 'sample-org/sample-repo',
      backfillDays: 10,
      now: new Date(now),
    });
    const activity = await store.loadActivity(0, REPO_ID);
    const expected = model.pullRequests.filter((pr) => Date.parse(pr.updatedAt) >= Date.parse(horizon));
    expect(expected.length).toBeGreaterThan(0);
    expect(activity?.pullRequests.map((pr) => pr.number).sort((a, b) => a - b)).toEqual(
      expected.map((pr) => pr.number).sort((a, b) => a - b),
    );
    expect(prCursors(simulator)).toHaveLength(1);
  });

  it('fetches follow-up pages only for the PRs whose timeline or files did not fit, batched in one query', async () => {
    const clock = createFakeClock(NOW);
    const model = buildGitHubModel(generateDeliveries({ pullRequests: 20, installationId: 0, seed: 9 }));
    const busy = model.pullRequests[0]!;
    for (let i = 0; i < 250; i += 1) {
      busy.timeline.push({
        __typename: 'IssueComment',
        databaseId: 5_000_000 + i,
        author: { __typename: 'User', login: `commenter-${i % 7}` },
        createdAt: '2026-08-01T00:00:00Z',
        updatedAt: '2026-08-01T00:00:00Z',
      });
    }
    const wide = model.pullRequests[1]!;
    wide.paths = Array.from({ length: 150 }, (_, i) => `wide/file-${i}.ts`);
    const simulator = createGraphQLSimulator(model, { clock });
    // repository, milestones, releases, PRs, follow-ups (busy timeline + wide files), follow-up (busy timeline), issues
    serveSimulator(simulator, 7);
    await run(simulator, clock);

    const followUps = simulator.log.filter((q) => q.operationName === 'BackfillFollowUps');
    expect(followUps.map((q) => Object.keys(q.variables).length / 2)).toEqual([2, 1]);
    expect(followUps.every((q) => q.cost === 1)).toBe(true);
    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.comments.filter((c) => c.itemNumber === busy.number && c.id >= 5_000_000)).toHaveLength(250);
    expect(activity?.pullRequestFiles.find((f) => f.prNumber === wide.number)?.paths).toHaveLength(150);
  });

  it('waits out a secondary-limit 403 with retry-after mid-run, then carries on', async () => {
    const clock = createFakeClock(NOW);
    const simulator = createGraphQLSimulator(sampleModel(), { clock });
    serveSimulator(simulator, 9, (request) =>
      request === 5
        ? [403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '30' }]
        : undefined,
    );
    const result = await run(simulator, clock);
    expect(clock.sleeps).toEqual([30_000]);
    expect(result.items.pullRequests).toBe(250);
    expect(prCursors(simulator)).toHaveLength(3);
  });

  it('resumes a killed run from its checkpoint: no duplicates, only the page in flight fetched twice', async () => {
    const clock = createFakeClock(NOW);
    const simulator = createGraphQLSimulator(sampleModel(), { clock });
    const octokit = createTestOctokit();
    let calls = 0;
    const killedAtFifth: GraphQLRequest = async (query, variables) => {
      const data = await octokit.graphql(query, variables);
      calls += 1;
      if (calls === 5) throw new Error('process killed');
      return data;
    };
    // First run: repository, milestones, releases, PR page 1, PR page 2 (answered, killed before it is stored).
    serveSimulator(simulator, 5);
    await expect(run(simulator, clock, killedAtFifth)).rejects.toThrow('process killed');
    const beforeResume = prCursors(simulator);
    expect(beforeResume).toHaveLength(2);
    expect((await store.loadActivity(0, REPO_ID))?.pullRequests).toHaveLength(100);

    // Resume, an hour later: repository, PR page 2 again (the one in flight), PR page 3, 2 issue pages.
    serveSimulator(simulator, 5);
    const later = new Date(Date.parse(NOW) + 3_600_000).toISOString();
    await run(simulator, clock, undefined, later);
    const cursors = prCursors(simulator);
    expect(cursors).toEqual([...beforeResume, beforeResume[1], expect.any(String)]);
    expect(new Set(cursors).size).toBe(3);

    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.pullRequests).toHaveLength(250);
    expect(activity?.issues).toHaveLength(125);
    const reviewIds = activity!.reviews.map((r) => r.id);
    expect(new Set(reviewIds).size).toBe(reviewIds.length);
    expect(simulator.log.filter((q) => q.operationName === 'BackfillMilestones')).toHaveLength(1);
  });

  it('syncs incrementally: a later run fetches only what changed since the last one', async () => {
    const clock = createFakeClock(NOW);
    const model = sampleModel();
    const simulator = createGraphQLSimulator(model, { clock });
    serveSimulator(simulator, 8);
    await run(simulator, clock);
    simulator.log.length = 0;

    const later = '2026-11-25T00:00:00.000Z';
    const changed = model.pullRequests.slice(0, 3);
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
    // repository, milestones, releases, 1 PR page, 1 issue page — each cut short at the last sync
    serveSimulator(simulator, 5);
    const result = await run(simulator, clock, undefined, later);

    expect(result.items.pullRequests).toBe(3);
    expect(result.items.issues).toBe(0);
    expect(prCursors(simulator)).toEqual([null]);
    expect(simulator.log.find((q) => q.operationName === 'BackfillIssues')?.variables.since).toBe(NOW);
    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.comments.filter((c) => c.author === 'late-reviewer')).toHaveLength(3);
    expect(activity?.pullRequests).toHaveLength(250);
  });
});
