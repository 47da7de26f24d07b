import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import { startInstallationBackfill } from '../../src/handlers/start-installation-backfill.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const instantClock = { now: () => Date.now(), sleep: async () => undefined };

describe('the history backfill on install', () => {
  useStrictNock();

  const setUp = async () => {
    const store = await openStore('sqlite::memory:');
    const errors: string[] = [];
    const log = { info: () => undefined, error: (o: object) => void errors.push(JSON.stringify(o)) };
    const trigger = { store, governor: createRateLimitGovernor({ clock: instantClock, maxAttempts: 1 }), backfillDays: 30, now: () => new Date('2026-11-01T00:00:00Z') };
    return { store, errors, log, trigger };
  };

  it('starts nothing for other deliveries or an installation without repositories', async () => {
    const { store, log, trigger } = await setUp();
    const octokit = createTestOctokit();
    expect(startInstallationBackfill(trigger, { name: 'pull_request', payload: { action: 'opened' }, octokit, log })).toBeNull();
    expect(startInstallationBackfill(trigger, { name: 'installation', payload: { action: 'deleted', installation: { id: 1 } }, octokit, log })).toBeNull();
    expect(startInstallationBackfill(trigger, { name: 'installation', payload: { action: 'created', installation: { id: 1 }, repositories: [] }, octokit, log })).toBeNull();
    await store.close();
  });

  it('backfills the added repositories in the background and logs a failure instead of throwing', async () => {
    const { store, errors, log, trigger } = await setUp();
    nock('https://api.github.com').post('/graphql').reply(502, { message: 'Bad gateway' });
    const started = startInstallationBackfill(trigger, {
      name: 'installation_repositories',
      payload: { action: 'added', installation: { id: 7 }, repositories_added: [{ full_name: 'octo/widgets' }] },
      octokit: createTestOctokit(),
      log,
    });
    expect(started).not.toBeNull();
    await expect(started).resolves.not.toThrow();
    expect(errors.join('\n')).toMatch(/octo\/widgets/);
    await store.close();
  });
});
