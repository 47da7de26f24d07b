import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import type { RepositoryActivity } from '../../src/core/records.js';
import { ingestDelivery } from '../../src/ingest/ingest-delivery.js';
import { renderOrgDigest } from '../../src/render/render-org-digest.js';
import { buildOrgReport } from '../../src/report/org/build-org-report.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { analyzeSupplyChain } from '../../src/supply-chain/analyze-supply-chain.js';
import { WORKFLOW } from '../handlers/github-fixtures.js';
import { silentLog } from '../helpers/silent-log.js';
import { renderBodyExample } from './example-document.js';

const TO = new Date('2026-04-20T09:00:00Z');
const REPOSITORIES = [
  { fullName: 'kube-org/api', id: 7001, seed: 31, pullRequests: 260 },
  { fullName: 'kube-org/storage', id: 7002, seed: 32, pullRequests: 180 },
  { fullName: 'kube-org/website', id: 7003, seed: 33, pullRequests: 120 },
];
const MENTION = /(^|[^\w`\\])@[A-Za-z0-9]/;

/**
 * The organisation digest of three generated repositories, one of which runs a risky workflow, as committed in
 * docs/examples/org-digest.md: organisation-wide findings listing items in their own repositories, supply-chain
 * findings by repository, areas and repositories neediest first, an archived repository left out and named.
 */
describe('renderOrgDigest', () => {
  let store: Store;
  const activities: RepositoryActivity[] = [];

  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    for (const [index, repository] of REPOSITORIES.entries()) {
      const deliveries = generateDeliveries({
        seed: repository.seed,
        pullRequests: repository.pullRequests,
        repository: { id: repository.id, fullName: repository.fullName },
        start: new Date(Date.parse('2026-03-01T00:00:00Z') + index * 37 * 60_000),
      });
      for (const delivery of deliveries) await ingestDelivery(store, delivery, silentLog, TO);
      activities.push((await store.loadActivity(1, repository.id))!);
    }
  });
  afterAll(async () => store.close());

  const build = () => {
    const supplyChainOf = (fullName: string) =>
      analyzeSupplyChain({
        paths: ['README.md', 'SECURITY.md', '.github/dependabot.yml'],
        releases: [],
        workflows: fullName === 'kube-org/storage' ? [{ path: '.github/workflows/ci.yml', text: WORKFLOW }] : [],
      });
    return buildOrgReport({
      organization: 'kube-org',
      repositories: activities.map((activity, index) => ({
        activity,
        areaModel: null,
        paths: null,
        // The website's supply chain could not be read this week.
        supplyChain: index === 2 ? null : supplyChainOf(activity.repository.fullName),
      })),
      config: createDefaultConfig(),
      to: TO,
      leftOut: [{ repository: 'kube-org/old-api', reason: 'archived' }],
    }).report;
  };

  it('renders the generated organisation as committed in docs/examples/org-digest.md', async () => {
    const digest = renderOrgDigest({ report: build(), weekOf: '2026-04-20' });
    await expect(renderBodyExample('render-org-digest.test.ts', digest.title, digest.body)).toMatchFileSnapshot('../../docs/examples/org-digest.md');
  });

  it('names the supply chain by repository, what it could not read, and what it left out; mentions nobody', () => {
    const { body } = renderOrgDigest({ report: build(), weekOf: '2026-04-20' });
    const section = body.slice(body.indexOf('### Supply chain by repository'), body.indexOf('### Areas across repositories'));
    expect(section).toMatch(/\| kube-org\/storage \| \d+ \| [1-9]\d* \| Download piped into a shell/);
    expect(section).not.toMatch(/\| kube-org\/api \|/);
    expect(section).toContain('Not analysed (could not be read): kube-org/website.');
    expect(body).toContain('Left out: kube-org/old-api (archived).');
    expect(body).toMatch(/\*\*warning\*\* · organisation: /);
    expect(body).not.toMatch(MENTION);
  });
});
