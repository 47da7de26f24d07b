import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { type AppRequester, readNextCursor, recoverMissedDeliveries } from '../../src/ops/recover-missed-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { silentLog } from '../helpers/silent-log.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('missed-deliveries recovery', () => {
  useStrictNock();

  it('pages through the last three days and redelivers the failed deliveries the store never recorded', async () => {
    const store = await openStore('sqlite::memory:');
    await store.recordDelivery({ id: 'stored-guid', name: 'issues', payload: {} }, NOW.toISOString());
    nock('https://api.github.com')
      .get('/app/hook/deliveries')
      .query({ per_page: 100 })
      .reply(
        200,
        [
          { id: 11, guid: 'ok-guid', delivered_at: '2026-11-23T11:00:00Z', redelivery: false, status_code: 200, event: 'issues' },
          { id: 10, guid: 'lost-guid', delivered_at: '2026-11-23T10:00:00Z', redelivery: false, status_code: 502, event: 'pull_request' },
          { id: 9, guid: 'stored-guid', delivered_at: '2026-11-23T09:00:00Z', redelivery: false, status_code: 0, event: 'issues' },
        ],
        { link: '<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_9>; rel="next"' },
      )
      .get('/app/hook/deliveries')
      .query({ per_page: 100, cursor: 'v1_9' })
      .reply(200, [
        { id: 8, guid: 'lost-too', delivered_at: '2026-11-21T10:00:00Z', redelivery: false, status_code: 500, event: 'issues' },
        { id: 7, guid: 'too-old', delivered_at: '2026-11-19T10:00:00Z', redelivery: false, status_code: 500, event: 'issues' },
      ])
      .post('/app/hook/deliveries/8/attempts')
      .reply(202, {})
      .post('/app/hook/deliveries/10/attempts')
      .reply(202, {});
    const result = await recoverMissedDeliveries(createTestOctokit() as unknown as AppRequester, store, NOW, silentLog);
    expect(result).toEqual({ listed: 5, redelivered: 2, failedRedeliveries: 0 });
    await store.close();
  });

  it('stops paging once a page reaches past the window', async () => {
    const store = await openStore('sqlite::memory:');
    nock('https://api.github.com')
      .get('/app/hook/deliveries')
      .query({ per_page: 100 })
      .reply(200, [{ id: 1, guid: 'old', delivered_at: '2026-11-01T10:00:00Z', redelivery: false, status_code: 500, event: 'issues' }], {
        link: '<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_1>; rel="next"',
      });
    expect(await recoverMissedDeliveries(createTestOctokit() as unknown as AppRequester, store, NOW, silentLog)).toEqual({ listed: 1, redelivered: 0, failedRedeliveries: 0 });
    await store.close();
  });

  it('counts a refused redelivery and goes on', async () => {
    const store = await openStore('sqlite::memory:');
    nock('https://api.github.com')
      .get('/app/hook/deliveries')
      .query({ per_page: 100 })
      .reply(200, [{ id: 3, guid: 'lost', delivered_at: '2026-11-23T10:00:00Z', redelivery: false, status_code: 500, event: 'issues' }])
      .post('/app/hook/deliveries/3/attempts')
      .reply(422, { message: 'too old' });
    expect(await recoverMissedDeliveries(createTestOctokit() as unknown as AppRequester, store, NOW, silentLog)).toMatchObject({ redelivered: 0, failedRedeliveries: 1 });
    await store.close();
  });

  it('reads the next cursor of a Link header', () => {
    expect(readNextCursor('<https://api.github.com/app/hook/deliveries?cursor=abc>; rel="next", <https://x?cursor=z>; rel="first"')).toBe('abc');
    expect(readNextCursor(undefined)).toBeUndefined();
  });
});
