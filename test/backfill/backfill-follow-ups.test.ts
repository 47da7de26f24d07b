import { describe, expect, it } from 'vitest';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import {
  addComments,
  backfillSampleRepository,
  createFakeClock,
  followUpQueries,
  followUpSizes,
  pullRequestsInPageOrder,
  serveSimulator,
} from './helpers.js';

const NOW = '2026-11-22T00:00:00.000Z';
const REPO_ID = 100_001;

describe.each(TEST_BACKENDS)('backfill follow-ups ($name)', (backend) => {
  useStrictNock();
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('pools follow-ups across pages, 100 a query, and fetches more pages only for PRs whose timeline or files overflowed', async () => {
    const clock = createFakeClock(NOW);
    const model = buildGitHubModel(generateDeliveries({ pullRequests: 250, installationId: 0, seed: 3 }));
    const prs = pullRequestsInPageOrder(model);
    // One long conversation on each PR page (2 more timeline pages each), two wide diffs (1 more files page each).
    const busy = [prs[5]!, prs[150]!, prs[220]!];
    busy.forEach((pr, i) => addComments(pr, 250, 5_000_000 + i * 1000));
    const wide = [prs[7]!, prs[160]!];
    for (const pr of wide) pr.paths = Array.from({ length: 150 }, (_, i) => `wide/file-${i}.ts`);
    const simulator = createGraphQLSimulator(model, { clock });
    // repository, milestones, releases, 3 PR pages, 4 follow-ups, 2 issue pages
    serveSimulator(simulator, 12);
    await backfillSampleRepository(store, { clock, now: NOW });

    // 250 first files pages + 2 second files pages + 3 × 2 timeline pages = 258 requests, 100 a query while pages
    // come in; the last query carries the third timeline page of the PR the last page brought.
    expect(followUpSizes(simulator)).toEqual([100, 100, 57, 1]);
    expect(followUpQueries(simulator).every((q) => q.cost === 1)).toBe(true);
    const activity = await store.loadActivity(0, REPO_ID);
    expect(activity?.pullRequests).toHaveLength(250);
    for (const [i, pr] of busy.entries()) {
      const extra = activity?.comments.filter((c) => c.itemNumber === pr.number && c.id >= 5_000_000 + i * 1000 && c.id < 5_000_000 + (i + 1) * 1000);
      expect(extra, `PR #${pr.number}`).toHaveLength(250);
    }
    for (const pr of wide) expect(activity?.pullRequestFiles.find((f) => f.prNumber === pr.number)?.paths).toHaveLength(150);
    const checkpoint = await store.getBackfillCheckpoint(0, REPO_ID, 'pullRequests');
    expect(checkpoint).toMatchObject({ cursor: null, runStartedAt: null, pendingNodeIds: [] });
  });

  it('fetches files again only for PRs whose head moved; comments and labels alone cost no follow-up', async () => {
    const clock = createFakeClock(NOW);
    const model = buildGitHubModel(generateDeliveries({ pullRequests: 40, installationId: 0, seed: 9 }));
    const simulator = createGraphQLSimulator(model, { clock });
    // repository, milestones, releases, 1 PR page, its files, 1 issue page
    serveSimulator(simulator, 6);
    await backfillSampleRepository(store, { clock, now: NOW });
    simulator.log.length = 0;

    const [pushedA, pushedB, talkedAbout, relabeled] = pullRequestsInPageOrder(model);
    for (const [i, pr] of [pushedA!, pushedB!, talkedAbout!, relabeled!].entries()) pr.updatedAt = `2026-11-23T0${i}:00:00Z`;
    pushedA!.headRefOid = 'a'.repeat(40);
    pushedA!.paths = ['api/new-a.ts'];
    pushedB!.headRefOid = 'b'.repeat(40);
    pushedB!.paths = ['storage/new-b.ts', 'storage/new-c.ts'];
    addComments(talkedAbout!, 3, 8_000_000);
    relabeled!.timeline.push({ __typename: 'LabeledEvent', actor: { __typename: 'User', login: 'amara' }, createdAt: '2026-11-23T03:00:00Z', label: { name: 'needs-review' } });
    // repository, milestones, releases, 1 PR page, 1 follow-up with both moved heads' files, 1 issue page
    serveSimulator(simulator, 6);
    const result = await backfillSampleRepository(store, { clock, now: '2026-11-24T00:00:00.000Z' });

    expect(result.items.pullRequests).toBe(4);
    expect(followUpQueries(simulator).map((q) => Object.values(q.variables).sort())).toEqual([[pushedA!.id, pushedB!.id].sort()]);
    const activity = await store.loadActivity(0, REPO_ID);
    const pathsOf = (number: number) => activity?.pullRequestFiles.find((f) => f.prNumber === number)?.paths;
    expect(pathsOf(pushedA!.number)).toEqual(['api/new-a.ts']);
    expect(pathsOf(pushedB!.number)).toEqual(['storage/new-b.ts', 'storage/new-c.ts']);
    expect(pathsOf(talkedAbout!.number)).toEqual(talkedAbout!.paths);
    expect(activity?.pullRequests.find((pr) => pr.number === relabeled!.number)?.labels).toContain('needs-review');
    expect(await store.loadPullRequestFileHeads(0, REPO_ID, [pushedA!.number, talkedAbout!.number])).toEqual(
      new Map([
        [pushedA!.number, 'a'.repeat(40)],
        [talkedAbout!.number, talkedAbout!.headRefOid],
      ]),
    );
  });
});
