import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDelivery } from '../../src/ingest/ingest-delivery.js';
import { createAppMetrics } from '../../src/ops/create-app-metrics.js';
import { processQueuedDelivery } from '../../src/queue/process-queued-delivery.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';
import { silentLog } from '../helpers/silent-log.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const deliveries = generateDeliveries({ pullRequests: 2 });
const pullRequest = deliveries.find((d) => d.name === 'pull_request')!;
const uninstall = {
  id: 'uninstall-1',
  name: 'installation',
  payload: { action: 'deleted', installation: { id: 1, account: { login: 'sample-org' } }, sender: { login: 'admin', id: 1, type: 'User' } },
};

describe.each(TEST_BACKENDS)('dead letters and uninstalls on $name', (backend) => {
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('dead-letters a delivery whose processing fails at its last attempt, with the reason, and retries it on request', async () => {
    await store.recordDelivery(pullRequest, NOW.toISOString());
    let reactionRuns = 0;
    const failing = async () => {
      reactionRuns += 1;
      throw new Error('installation 1 is not known to the app');
    };
    for (let attempt = 1; attempt < 3; attempt += 1) {
      await expect(processQueuedDelivery(store, pullRequest.id, failing, silentLog, 3)).rejects.toThrow('not known');
      expect(await store.getDelivery(pullRequest.id)).toMatchObject({ status: 'pending', attempts: attempt, error: 'installation 1 is not known to the app' });
    }
    expect(await processQueuedDelivery(store, pullRequest.id, failing, silentLog, 3)).toEqual({ outcome: 'dead' });
    // Whoever asks again (a queue retry, the pending sweep, a restart) changes nothing.
    expect(await processQueuedDelivery(store, pullRequest.id, failing, silentLog, 3)).toEqual({ outcome: 'duplicate' });
    expect(await store.startDeliveryAttempt(pullRequest.id)).toBeUndefined();
    expect(await store.startDeliveryAttempt('never-recorded')).toBeUndefined();
    expect(reactionRuns).toBe(3);
    expect(await store.listPendingDeliveries(10)).toEqual([]);
    expect(await store.listDeadDeliveries(10)).toMatchObject([{ id: pullRequest.id, status: 'dead', attempts: 3, error: 'installation 1 is not known to the app' }]);
    expect(await store.countDeadDeliveries()).toEqual({ dead: 1, failed: 0 });

    expect(await store.retryDelivery(pullRequest.id)).toBe(true);
    expect(await store.retryDelivery(pullRequest.id)).toBe(false);
    expect(await store.getDelivery(pullRequest.id)).toMatchObject({ status: 'pending', attempts: 0, error: null });
    expect(await processQueuedDelivery(store, pullRequest.id, async () => undefined, silentLog, 3)).toEqual({ outcome: 'new' });
    expect(await store.countDeadDeliveries()).toEqual({ dead: 0, failed: 0 });
  });

  it('dead-letters a delivery whose attempts were all started elsewhere and never finished (workers killed mid-job)', async () => {
    await store.recordDelivery(pullRequest, NOW.toISOString());
    for (let i = 1; i <= 3; i += 1) expect(await store.startDeliveryAttempt(pullRequest.id)).toMatchObject({ id: pullRequest.id, status: 'pending', attempts: i, payload: pullRequest.payload });
    expect(await processQueuedDelivery(store, pullRequest.id, async () => undefined, silentLog, 3)).toEqual({ outcome: 'dead' });
    expect((await store.getDelivery(pullRequest.id))?.error).toMatch(/no attempt finished/);
  });

  it('remembers an uninstalled installation: a late or redelivered delivery stores nothing of it again', async () => {
    const [first, ...rest] = deliveries.filter((d) => d.name !== 'installation');
    expect((await ingestDelivery(store, first!, silentLog, NOW)).outcome).toBe('new');
    expect(await ingestDelivery(store, uninstall, silentLog, NOW)).toMatchObject({ outcome: 'new' });
    expect(await store.isInstallationUninstalled(1)).toBe(true);
    expect(await store.listRepositories(1)).toEqual([]);
    for (const late of rest) expect((await ingestDelivery(store, late, silentLog, NOW)).outcome).toBe('skipped');
    // Even a write that does not go through a delivery (a backfill in flight) stores nothing.
    await store.applyBatch({ ...emptyLike(1), repositories: [{ installationId: 1, repoId: 100_001, fullName: 'sample-org/sample-repo', defaultBranch: 'main', private: false }] });
    await store.savePullRequestFiles(1, 100_001, 1, 'abc', ['README.md']);
    expect(await store.listRepositories(1)).toEqual([]);
    expect(await store.loadPullRequestFileHeads(1, 100_001, [1])).toEqual(new Map());
    expect(await store.loadActivity(1, 100_001)).toBeUndefined();
  });
});

function emptyLike(installationId: number) {
  return { installationId, repositories: [], pullRequests: [], issues: [], reviews: [], comments: [], events: [], milestones: [], releases: [], contributors: [], tombstones: [] };
}

describe('dead letters for operators', () => {
  it('are counted in /metrics and listed and retried by `fallacy-watch deliveries`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-dead-'));
    const url = `sqlite:${join(dir, 'store.db')}`;
    try {
      const store = await openStore(url);
      await store.recordDelivery(pullRequest, NOW.toISOString());
      await processQueuedDelivery(store, pullRequest.id, async () => Promise.reject(new Error('always fails')), silentLog, 1);
      const metrics = createAppMetrics({ defaults: false });
      metrics.trackDeadLetters(() => store.countDeadDeliveries());
      expect(await metrics.registry.metrics()).toContain('fallacy_watch_dead_letters{status="dead"} 1');
      await store.close();

      const listed = JSON.parse(await runCli(['deliveries', 'dead', '--database', url, '--json']));
      expect(listed).toMatchObject([{ id: pullRequest.id, event: 'pull_request', status: 'dead', attempts: 1, reason: 'always fails' }]);
      expect(await runCli(['deliveries', 'retry', pullRequest.id, '--database', url])).toBe(`${pullRequest.id}: pending again\n`);
      expect(await runCli(['deliveries', 'dead', '--database', url])).toBe('no dead deliveries\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
