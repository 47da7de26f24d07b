import { describe, expect, it } from 'vitest';
import type { GraphQLRequest } from '../../src/backfill/backfill-repository.js';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator, type GraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { addComments, backfillSampleRepository, createFakeClock, followUpQueries, followUpSizes, pullRequestsInPageOrder, serveSimulator } from './helpers.js';

const NOW = '2026-11-22T00:00:00.000Z';
const REPO_ID = 100_001;

const prCursors = (simulator: GraphQLSimulator) =>
  simulator.log.filter((q) => q.operationName === 'BackfillPullRequests').map((q) => q.variables.cursor ?? null);

/** The test Octokit's `graphql`, throwing ("process killed") once the `killAt`-th query is answered, before its answer is used. */
function killedAt(killAt: number): GraphQLRequest {
  const octokit = createTestOctokit();
  let calls = 0;
  return async (query, variables) => {
    const data = await octokit.graphql(query, variables);
    calls += 1;
    if (calls === killAt) throw new Error('process killed');
    return data;
  };
}

describe.each(TEST_BACKENDS)('a killed backfill resumes ($name)', (backend) => {
  useStrictNock();
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('with the nodes it held back fetched again by id: nothing lost, nothing twice, only the page in flight repeated', async () => {
    const clock = createFakeClock(NOW);
    const model = buildGitHubModel(generateDeliveries({ pullRequests: 250, installationId: 0, seed: 3 }));
    const prs = pullRequestsInPageOrder(model);
    // Three long timelines on the first page: its 100 files and 3 timeline pages make 103 requests, so one full
    // follow-up query goes out and the last 3 PRs' files wait, held back, for the next page's query.
    [prs[10]!, prs[20]!, prs[30]!].forEach((pr, i) => addComments(pr, 150, 6_000_000 + i * 1000));
    const heldBack = prs.slice(97, 100).map((pr) => pr.id);
    const simulator = createGraphQLSimulator(model, { clock });

    // First run: repository, milestones, releases, PR page 1, its follow-up, PR page 2, then the follow-up of page
    // 2 is answered but the process dies before using it.
    serveSimulator(simulator, 7);
    await expect(backfillSampleRepository(store, { clock, now: NOW, graphql: killedAt(7) })).rejects.toThrow('process killed');
    const beforeResume = prCursors(simulator);
    expect(beforeResume).toHaveLength(2);
    expect(await store.getBackfillCheckpoint(0, REPO_ID, 'pullRequests')).toMatchObject({ cursor: beforeResume[1], pendingNodeIds: heldBack });
    expect((await store.loadActivity(0, REPO_ID))?.pullRequests).toHaveLength(97);
    simulator.log.length = 0;

    // Resume, an hour later: repository, PR page 2 again (the one in flight), a follow-up with the 3 held-back PRs
    // fetched again by id and 97 files, PR page 3, the last follow-up (the held-back PRs' files, 3 + 50), 2 issue pages.
    serveSimulator(simulator, 7);
    const later = new Date(Date.parse(NOW) + 3_600_000).toISOString();
    const result = await backfillSampleRepository(store, { clock, now: later });

    expect(prCursors(simulator)).toEqual([beforeResume[1], expect.any(String)]);
    expect(new Set([...beforeResume, ...prCursors(simulator)]).size).toBe(3);
    expect(followUpSizes(simulator)).toEqual([100, 56]);
    const [first] = followUpQueries(simulator);
    expect(Object.values(first!.variables).slice(0, 3)).toEqual(heldBack);
    expect(simulator.log.filter((q) => q.operationName === 'BackfillMilestones')).toHaveLength(0);
    expect(result.items.pullRequests).toBe(153);

    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.pullRequests).toHaveLength(250);
    expect(activity?.pullRequestFiles).toHaveLength(250);
    expect(activity?.issues).toHaveLength(125);
    for (const records of [activity!.reviews, activity!.comments]) {
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(activity?.comments.filter((c) => c.id >= 6_000_000)).toHaveLength(450);
    expect(await store.getBackfillCheckpoint(0, REPO_ID, 'pullRequests')).toMatchObject({ runStartedAt: null, pendingNodeIds: [] });
  });
});
