import type { Store } from '../store/store.js';

/** What a history import reads and writes in the store: records, changed files, and its checkpoints. */
export type BackfillStore = Pick<
  Store,
  'applyBatch' | 'savePullRequestFilesBatch' | 'loadPullRequestFileHeads' | 'getBackfillCheckpoint' | 'saveBackfillCheckpoint'
>;
