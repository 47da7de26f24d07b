import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAreaSourcesCache } from '../../src/areas/fetch-area-sources.js';
import { onInstallationBackfill } from '../../src/backfill/on-installation-backfill.js';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { TEST_BACKENDS } from '../helpers/stores.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { createFakeClock, serveSimulator } from './helpers.js';

const NOW = '2026-11-22T00:00:00.000Z';
const INSTALLATION = 55;
const HEAD = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

describe.each(TEST_BACKENDS)('onInstallationBackfill ($name)', (backend) => {
  useStrictNock();
  let opened: { store: Store; drop(): Promise<void> };
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(() => opened.drop());

  it('backfills the installation’s repositories in turn under its id, reads CODEOWNERS, and survives a failing one', async () => {
    const clock = createFakeClock(NOW);
    const model = buildGitHubModel(generateDeliveries({ pullRequests: 30, installationId: INSTALLATION }));
    model.repository.headOid = HEAD;
    const simulator = createGraphQLSimulator(model, { clock });
    // missing repository (1), then sample-repo: repository, milestones, releases, PRs, their files, issues
    serveSimulator(simulator, 7);
    nock('https://api.github.com')
      .get(`/repos/sample-org/sample-repo/git/trees/${HEAD}`)
      .query({ recursive: 'true' })
      .reply(200, { sha: HEAD, truncated: false, tree: [{ path: '.github/CODEOWNERS', type: 'blob', sha: 'b-co', mode: '100644' }] })
      .get('/repos/sample-org/sample-repo/git/blobs/b-co')
      .reply(200, { encoding: 'base64', content: Buffer.from('* @sample-org/core\n').toString('base64') });

    const cache = createAreaSourcesCache();
    const outcomes = await onInstallationBackfill({
      store: opened.store,
      octokit: createTestOctokit(),
      installationId: INSTALLATION,
      repositories: [{ fullName: 'sample-org/gone' }, { fullName: 'sample-org/sample-repo' }],
      governor: createRateLimitGovernor({ clock }),
      now: new Date(NOW),
      areaSourcesCache: cache,
    });

    expect(outcomes.map((o) => [o.fullName, o.ok])).toEqual([
      ['sample-org/gone', false],
      ['sample-org/sample-repo', true],
    ]);
    const done = outcomes[1];
    if (!done?.ok) throw new Error('expected a result');
    expect(done.result.areaSources?.files.get('.github/CODEOWNERS')).toBe('* @sample-org/core\n');
    expect(cache.commits.get(`sample-org/sample-repo@${HEAD}`)).toBeDefined();
    expect((await opened.store.listRepositories(INSTALLATION)).map((r) => r.fullName)).toEqual(['sample-org/sample-repo']);
    expect((await opened.store.loadActivity(INSTALLATION, 100_001))?.pullRequests).toHaveLength(30);
    expect(await opened.store.loadActivity(0, 100_001)).toBeUndefined();
  });
});
