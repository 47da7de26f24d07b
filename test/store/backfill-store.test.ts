import { describe, expect, it } from 'vitest';
import type { BackfillCheckpoint, Store } from '../../src/store/store.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';

const REPO_ID = 100_001;

/** What the backfill keeps in the store besides records: file heads and checkpoints, on both backends. */
describe.each(TEST_BACKENDS)('backfill state in the store on $name', (backend) => {
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('reads the head commit each PR’s saved files were read at, for the asked PRs of that repository only', async () => {
    await store.savePullRequestFiles(1, REPO_ID, 1, 'aaa', ['a.ts']);
    await store.savePullRequestFiles(1, REPO_ID, 2, 'bbb', ['b.ts']);
    await store.savePullRequestFiles(1, REPO_ID, 2, 'ccc', ['c.ts']);
    await store.savePullRequestFiles(1, REPO_ID, 3, 'ddd', ['d.ts']);
    await store.savePullRequestFiles(2, REPO_ID, 1, 'other-installation', ['x.ts']);
    await store.savePullRequestFiles(1, REPO_ID + 1, 1, 'other-repo', ['y.ts']);

    expect(await store.loadPullRequestFileHeads(1, REPO_ID, [1, 2, 4])).toEqual(
      new Map([
        [1, 'aaa'],
        [2, 'ccc'],
      ]),
    );
    expect(await store.loadPullRequestFileHeads(1, REPO_ID, [])).toEqual(new Map());
  });

  it('keeps the ids of the nodes a backfill holds back with its checkpoint', async () => {
    const checkpoint: BackfillCheckpoint = {
      connection: 'pullRequests',
      cursor: 'Y3Vyc29yOjk5',
      runStartedAt: '2026-11-22T00:00:00.000Z',
      runHorizon: '2026-05-26T00:00:00.000Z',
      syncedThrough: null,
      pendingNodeIds: ['PR_a', 'PR_b'],
    };
    await store.saveBackfillCheckpoint(1, REPO_ID, checkpoint);
    expect(await store.getBackfillCheckpoint(1, REPO_ID, 'pullRequests')).toEqual(checkpoint);

    const done = { ...checkpoint, cursor: null, runStartedAt: null, runHorizon: null, syncedThrough: checkpoint.runStartedAt, pendingNodeIds: [] };
    await store.saveBackfillCheckpoint(1, REPO_ID, done);
    expect(await store.getBackfillCheckpoint(1, REPO_ID, 'pullRequests')).toEqual(done);
    expect(await store.getBackfillCheckpoint(1, REPO_ID, 'issues')).toBeUndefined();
  });
});
