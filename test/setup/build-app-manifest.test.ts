import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AppYml, buildAppManifest, DEFAULT_HOMEPAGE_URL } from '../../src/setup/build-app-manifest.js';

const appYml = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as AppYml;

describe('buildAppManifest (the manifest the first npm start registers)', () => {
  it('app.yml names no host: no webhook URL, no homepage placeholder', () => {
    expect(appYml).not.toHaveProperty('hook_attributes');
    expect(appYml).not.toHaveProperty('url');
    expect(JSON.stringify(appYml)).not.toMatch(/example\.(com|org)/);
  });

  it('registers WEBHOOK_PROXY_URL as the webhook URL when it is set', () => {
    const plan = buildAppManifest(appYml, { WEBHOOK_PROXY_URL: 'https://smee.io/abc123', WEBHOOK_URL: 'https://fw.example.net/api/github/webhooks' }, 'http://localhost:3000');
    expect(plan).toMatchObject({ ok: true, webhookUrlSource: 'WEBHOOK_PROXY_URL', manifest: { hook_attributes: { url: 'https://smee.io/abc123', active: true } } });
  });

  it('else registers WEBHOOK_URL', () => {
    const plan = buildAppManifest(appYml, { WEBHOOK_URL: 'https://fw.example.net/api/github/webhooks' }, 'http://localhost:3000');
    expect(plan).toMatchObject({ ok: true, webhookUrlSource: 'WEBHOOK_URL', manifest: { hook_attributes: { url: 'https://fw.example.net/api/github/webhooks' } } });
  });

  it('else uses the setup page address when GitHub can reach it', () => {
    const plan = buildAppManifest(appYml, {}, 'https://fw.example.net');
    expect(plan).toMatchObject({ ok: true, webhookUrlSource: 'setup page address', manifest: { hook_attributes: { url: 'https://fw.example.net/api/github/webhooks' } } });
  });

  it('refuses a loopback address and says which variables to set', () => {
    for (const baseUrl of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const plan = buildAppManifest(appYml, {}, baseUrl);
      expect(plan.ok).toBe(false);
      expect(plan.ok ? '' : plan.problem).toMatch(/WEBHOOK_PROXY_URL.*WEBHOOK_URL/);
    }
  });

  it('refuses a webhook URL that is not a URL', () => {
    expect(buildAppManifest(appYml, { WEBHOOK_URL: 'fw.example.net/hooks' }, 'http://localhost:3000')).toEqual({
      ok: false,
      problem: 'WEBHOOK_URL is not a URL: "fw.example.net/hooks" (expected https://…).',
    });
  });

  it('takes the name from APP_NAME, else app.yml, and refuses names GitHub would', () => {
    const env = { WEBHOOK_PROXY_URL: 'https://smee.io/abc' };
    expect(buildAppManifest(appYml, env, 'http://localhost:3000')).toMatchObject({ manifest: { name: 'fallacy-watch' } });
    expect(buildAppManifest(appYml, { ...env, APP_NAME: 'fallacy-watch-acme' }, 'http://localhost:3000')).toMatchObject({ manifest: { name: 'fallacy-watch-acme' } });
    expect(buildAppManifest(appYml, { ...env, APP_NAME: 'x'.repeat(35) }, 'http://localhost:3000')).toMatchObject({ ok: false, problem: expect.stringContaining('at most 34') });
  });

  it('keeps app.yml permissions, events and visibility, and points the redirect at the setup page', () => {
    const plan = buildAppManifest(appYml, { WEBHOOK_PROXY_URL: 'https://smee.io/abc', APP_HOMEPAGE_URL: 'https://acme.example.net/fw' }, 'http://localhost:3000/');
    expect(plan).toMatchObject({
      ok: true,
      manifest: {
        url: 'https://acme.example.net/fw',
        public: false,
        redirect_url: 'http://localhost:3000/probot/setup',
        default_permissions: appYml.default_permissions,
        default_events: appYml.default_events,
      },
    });
    expect(buildAppManifest(appYml, { WEBHOOK_PROXY_URL: 'https://smee.io/abc' }, 'http://localhost:3000')).toMatchObject({ manifest: { url: DEFAULT_HOMEPAGE_URL } });
  });
});
