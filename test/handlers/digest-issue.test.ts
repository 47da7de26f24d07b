import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAreaContextCache } from '../../src/areas/area-context-cache.js';
import { createKeyLock } from '../../src/handlers/create-key-lock.js';
import type { HandlerDependencies } from '../../src/handlers/handler-dependencies.js';
import { DIGEST_LABEL, readDigestMarker, renderDigestMarker } from '../../src/render/index.js';
import { startDigestScheduler } from '../../src/schedule/start-digest-scheduler.js';
import type { Store } from '../../src/store/store.js';
import { createTestProbot } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { API, APP_ID, INSTALLATION_ID, MENTION, mockAreaSources, mockConfig, mockInstallationToken, mockOrgConfig, mockOrgDigestRun, mockSupplyChainReads, openStoreWithHistory, type PostedIssue } from './github-fixtures.js';

/** Monday 10:00 UTC: the digest (Mondays 9:00 UTC) is due. */
const NOW = new Date('2026-11-23T10:00:00Z');
const ISSUES = '/repos/acme/widgets/issues';
const LAST_WEEK = {
  number: 30,
  html_url: 'https://github.com/acme/widgets/issues/30',
  state: 'open',
  title: 'Community health digest — week of 2026-11-16',
  body: `${renderDigestMarker('acme/widgets', '2026-11-16')}\nlast week\n`,
  user: { login: 'fallacy-watch[bot]', type: 'Bot' },
  performed_via_github_app: { id: APP_ID },
};

/** The reads of one digest run: config, areas (once per area cache), default-branch supply chain. */
function mockDigestReads(scope: nock.Scope, withAreas: boolean): void {
  mockConfig(scope);
  if (withAreas) mockAreaSources(scope);
  mockSupplyChainReads(scope);
}

/** A fresh store per test holding 40 generated PRs of acme/widgets; returns the handlers' dependencies over it. */
function useStoredHistory(): () => HandlerDependencies {
  let store: Store;
  beforeEach(async () => {
    store = await openStoreWithHistory(NOW);
  });
  afterEach(async () => {
    await store.close();
  });
  return () => ({ store, now: () => NOW, areas: createAreaContextCache(), lock: createKeyLock(), appId: APP_ID });
}

describe('the weekly digest issue', () => {
  useStrictNock();
  const aDeps = useStoredHistory();

  it('run twice in one week, and again after a restart, opens one issue, links and closes the previous one', async () => {
    const probot = createTestProbot();
    let created: { title: string; body: string; labels: string[] } | undefined;
    let closing: unknown;
    const scope = nock(API).get('/app/installations').query({ per_page: '100' }).reply(200, [{ id: INSTALLATION_ID }]);
    mockInstallationToken(scope);
    mockOrgConfig(scope);
    mockDigestReads(scope, true);
    scope
      .get(ISSUES)
      .query({ labels: DIGEST_LABEL, state: 'all', per_page: '100' })
      .reply(200, [LAST_WEEK])
      .get(`/repos/acme/widgets/labels/${DIGEST_LABEL}`)
      .reply(404, { message: 'Not Found' })
      .post('/repos/acme/widgets/labels', { name: DIGEST_LABEL, color: '0e8a16', description: /digest/ })
      .reply(201, {})
      .post(ISSUES, (body: typeof created) => {
        created = body;
        return true;
      })
      .reply(201, { number: 31, html_url: 'https://github.com/acme/widgets/issues/31' })
      .patch(`${ISSUES}/30`, (body: unknown) => {
        closing = body;
        return true;
      })
      .reply(200, {});

    const scheduler = startDigestScheduler(probot, aDeps(), silentLog, { intervalMs: 3_600_000 });
    await scheduler.tick();
    expect(created?.title).toBe('Community health digest — week of 2026-11-23');
    expect(created?.labels).toEqual([DIGEST_LABEL]);
    expect(readDigestMarker(created?.body)).toEqual({ repository: 'acme/widgets', weekOf: '2026-11-23' });
    expect(created?.body).toContain('[issue 30](https://github.com/acme/widgets/issues/30)');
    expect(created?.body).toContain('xychart-beta');
    expect(created?.body).not.toMatch(MENTION);
    expect(closing).toEqual({ state: 'closed', state_reason: 'completed' });

    // The same process again: this week's digest is done, only the installations are listed.
    nock(API).get('/app/installations').query({ per_page: '100' }).reply(200, [{ id: INSTALLATION_ID }]);
    await scheduler.tick();
    scheduler.stop();

    // A restart: nothing remembered, so everything is read again; the digest is found by its marker and unchanged.
    const again = nock(API).get('/app/installations').query({ per_page: '100' }).reply(200, [{ id: INSTALLATION_ID }]);
    mockOrgConfig(again);
    mockDigestReads(again, true);
    again
      .get(ISSUES)
      .query({ labels: DIGEST_LABEL, state: 'all', per_page: '100' })
      .reply(200, [
        { ...LAST_WEEK, number: 31, html_url: 'https://github.com/acme/widgets/issues/31', title: created!.title, body: created!.body },
        { ...LAST_WEEK, state: 'closed' },
      ]);
    const restarted = startDigestScheduler(probot, aDeps(), silentLog, { intervalMs: 3_600_000 });
    await restarted.tick();
    restarted.stop();
  });

  it('is not posted before its weekday and hour have come', async () => {
    const probot = createTestProbot();
    const early: HandlerDependencies = { ...aDeps(), now: () => new Date('2026-11-23T08:59:00Z') };
    const scope = nock(API).get('/app/installations').query({ per_page: '100' }).reply(200, [{ id: INSTALLATION_ID }]);
    mockInstallationToken(scope);
    mockOrgConfig(scope);
    mockConfig(scope);
    const scheduler = startDigestScheduler(probot, early, silentLog, { intervalMs: 3_600_000 });
    await scheduler.tick();
    scheduler.stop();
  });
});

describe('the weekly organisation digest issue', () => {
  useStrictNock();
  const aDeps = useStoredHistory();

  const ORG_CONFIG = 'digest:\n  enabled: true\n  repository: community\nrepositoryDigests: false\n';

  it('goes once a week to the configured repository, and repository digests stay off when the organisation says so', async () => {
    const probot = createTestProbot();
    const deps = aDeps();
    const posted: PostedIssue[] = [];
    const scope = nock(API).get('/app/installations').query({ per_page: '100' }).reply(200, [{ id: INSTALLATION_ID }]);
    mockInstallationToken(scope);
    mockOrgDigestRun(scope, ORG_CONFIG, posted);

    const scheduler = startDigestScheduler(probot, deps, silentLog, { intervalMs: 3_600_000 });
    await scheduler.tick();
    expect(posted).toHaveLength(1);
    expect(posted[0]?.title).toBe('Organisation health digest — week of 2026-11-23');
    expect(readDigestMarker(posted[0]?.body)).toEqual({ repository: 'acme', weekOf: '2026-11-23' });
    expect(posted[0]?.body).toContain('[acme/widgets](https://github.com/acme/widgets)');
    expect(posted[0]?.body).not.toMatch(MENTION);
    // Each repository's supply chain is read as its own digest reads it, and reported by repository.
    expect(posted[0]?.body).toContain('### Supply chain by repository');
    expect(posted[0]?.body).not.toContain('Not analysed');

    // Later the same week: nothing is due, nothing is read but the installations.
    nock(API).get('/app/installations').query({ per_page: '100' }).reply(200, [{ id: INSTALLATION_ID }]);
    await scheduler.tick();
    scheduler.stop();
  });
});
