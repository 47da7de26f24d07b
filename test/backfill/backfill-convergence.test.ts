import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backfillRepository } from '../../src/backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { ingestDelivery } from '../../src/ingest/ingest-delivery.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Store } from '../../src/store/store.js';
import { silentLog } from '../helpers/silent-log.js';
import { TEST_BACKENDS } from '../helpers/stores.js';
import { callSimulator, createFakeClock } from './helpers.js';

const INSTALLATION = 7;
const NOW = '2026-11-22T00:00:00.000Z';

describe.each(TEST_BACKENDS)('backfill converges with webhooks ($name)', (backend) => {
  let viaWebhooks: { store: Store; drop(): Promise<void> };
  let viaBackfill: { store: Store; drop(): Promise<void> };
  beforeEach(async () => {
    viaWebhooks = await backend.open();
    viaBackfill = await backend.open();
  });
  afterEach(async () => {
    await viaWebhooks.drop();
    await viaBackfill.drop();
  });

  it('stores the same records for the same facts as the webhook path', async () => {
    const deliveries = generateDeliveries({ pullRequests: 40, installationId: INSTALLATION, seed: 11 });
    for (const delivery of deliveries) await ingestDelivery(viaWebhooks.store, delivery, silentLog, new Date(NOW));
    const clock = createFakeClock(NOW);
    const simulator = createGraphQLSimulator(buildGitHubModel(deliveries), { clock });

    const result = await backfillRepository({
      store: viaBackfill.store,
      graphql: callSimulator(simulator),
      governor: createRateLimitGovernor({ clock }),
      installationId: INSTALLATION,
      repository: 'sample-org/sample-repo',
      now: new Date(NOW),
    });

    const expected = await viaWebhooks.store.loadActivity(INSTALLATION, result.repository.repoId);
    const actual = await viaBackfill.store.loadActivity(INSTALLATION, result.repository.repoId);
    expect(expected).toBeDefined();
    for (const kind of ['pullRequests', 'issues', 'reviews', 'comments', 'events', 'milestones', 'releases', 'contributors'] as const) {
      expect(expected![kind].length, kind).toBeGreaterThan(0);
    }
    expect(expected!.pullRequests.some((pr) => pr.openedAsDraft)).toBe(true);
    expect(expected!.contributors.some((c) => c.login === 'dependabot[bot]')).toBe(true);
    // One fact only the webhook path has: the author association at opening (GraphQL gives today's).
    expect(expected!.pullRequests.every((pr) => pr.openedAuthorAssociation !== null)).toBe(true);
    expect(actual!.pullRequests.every((pr) => pr.openedAuthorAssociation === null)).toBe(true);
    const withoutOpening = (activity: typeof expected) =>
      ({ ...activity!, pullRequests: activity!.pullRequests.map((pr) => ({ ...pr, openedAuthorAssociation: null })) });
    expect({ ...withoutOpening(actual), pullRequestFiles: [] }).toEqual(withoutOpening(expected));
    expect(actual?.pullRequestFiles).toHaveLength(expected!.pullRequests.length);
    expect(result.items.pullRequests).toBe(40);
  });

  it('leaves a webhook-fed store unchanged when the same history is backfilled into it', async () => {
    const deliveries = generateDeliveries({ pullRequests: 25, installationId: INSTALLATION, seed: 5 });
    for (const delivery of deliveries) await ingestDelivery(viaWebhooks.store, delivery, silentLog, new Date(NOW));
    const before = await viaWebhooks.store.loadActivity(INSTALLATION, 100_001);
    const clock = createFakeClock(NOW);
    await backfillRepository({
      store: viaWebhooks.store,
      graphql: callSimulator(createGraphQLSimulator(buildGitHubModel(deliveries), { clock })),
      governor: createRateLimitGovernor({ clock }),
      installationId: INSTALLATION,
      repository: 'sample-org/sample-repo',
      now: new Date(NOW),
    });
    const after = await viaWebhooks.store.loadActivity(INSTALLATION, 100_001);
    expect({ ...after, pullRequestFiles: [] }).toEqual(before);
  });
});
