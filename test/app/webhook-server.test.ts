import type { AddressInfo } from 'node:net';
import { sign } from '@octokit/webhooks-methods';
import { Probot, Server } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/create-app.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { TEST_PRIVATE_KEY, TEST_WEBHOOK_SECRET, TestOctokit } from '../helpers/probot.js';
import { silentLog } from '../helpers/silent-log.js';

/** The real HTTP server on loopback, as `probot run` starts it, with signed and forged deliveries. */
describe('the webhook endpoint over HTTP', () => {
  let server: Server;
  let store: Store;
  let url: string;

  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    server = new Server({
      Probot: Probot.defaults({ appId: 1, privateKey: TEST_PRIVATE_KEY, secret: TEST_WEBHOOK_SECRET, Octokit: TestOctokit, log: silentLog }),
      port: 0,
      host: '127.0.0.1',
      log: silentLog,
    });
    await server.load(createApp({ store }));
    const http = await server.start();
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/github/webhooks`;
  });

  afterEach(async () => {
    await server.stop();
    await store.close();
  });

  const delivery = generateDeliveries({ pullRequests: 1 }).find((d) => d.name === 'pull_request');
  const body = JSON.stringify(delivery!.payload);
  const post = (signature: string, id = delivery!.id) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': delivery!.name,
        'x-github-delivery': id,
        'x-hub-signature-256': signature,
      },
      body,
    });

  it('rejects a delivery with an invalid signature with 400 and stores nothing', async () => {
    const forged = await sign('not-the-secret', body);
    const response = await post(forged);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/signature does not match/i);
    expect(await store.getDelivery(delivery!.id)).toBeUndefined();
    expect(await store.listRepositories(1)).toEqual([]);
  });

  it('accepts a correctly signed delivery and stores its records', async () => {
    const response = await post(await sign(TEST_WEBHOOK_SECRET, body));
    expect(response.status).toBe(200);
    expect(await store.getDelivery(delivery!.id)).toMatchObject({ status: 'processed' });
    expect((await store.loadActivity(1, 100_001))?.pullRequests).toHaveLength(1);
  });

  it('stays up after a malformed payload and answers the next delivery', async () => {
    const broken = JSON.stringify({ action: 'opened', repository: { id: 'x' } });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'broken-delivery',
        'x-hub-signature-256': await sign(TEST_WEBHOOK_SECRET, broken),
      },
      body: broken,
    });
    expect(response.status).toBe(200);
    expect(await store.getDelivery('broken-delivery')).toMatchObject({ status: 'failed' });
    expect((await post(await sign(TEST_WEBHOOK_SECRET, body))).status).toBe(200);
  });
});
