import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppUrl, createSetupHandler, type ManifestConversion } from '../../src/setup/create-setup-handler.js';
import { updateEnvFile } from '../../src/setup/update-env-file.js';

const APP_YML = { name: 'fallacy-watch', description: 'Flags fallacies', public: false, default_permissions: { issues: 'write' }, default_events: ['issues'] };
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(env: Record<string, string>, convert: (code: string) => Promise<ManifestConversion>) {
  const dir = mkdtempSync(join(tmpdir(), 'fw-setup-'));
  const envPath = join(dir, '.env');
  const lines: string[] = [];
  const handler = createSetupHandler({
    appYml: APP_YML,
    env,
    envPath,
    convert,
    saveEnv: (values) => updateEnvFile(envPath, values),
    log: { info: (line) => lines.push(line), error: (line) => lines.push(`error: ${line}`) },
  });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, envPath, lines };
}

const unusedConvert = async (): Promise<ManifestConversion> => {
  throw new Error('convert must not be called');
};

describe('createSetupHandler (first-run setup page)', () => {
  it('posts a manifest whose webhook URL is WEBHOOK_PROXY_URL and lists what is left to do', async () => {
    const { base } = await serve({ WEBHOOK_PROXY_URL: 'https://smee.io/chan', APP_NAME: 'fw-acme' }, unusedConvert);
    const html = await (await fetch(`${base}/probot`)).text();
    const value = /name="manifest" value="([^"]*)"/.exec(html)![1]!;
    const manifest = JSON.parse(value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(manifest).toMatchObject({ name: 'fw-acme', hook_attributes: { url: 'https://smee.io/chan' }, redirect_url: `${base}/probot/setup`, public: false });
    expect(html).toContain('action="https://github.com/settings/apps/new"');
    expect(html).toMatch(/What is left to do[\s\S]*npm start[\s\S]*Install the App/);
  });

  it('shows the problem instead of a register button when GitHub could not reach the webhook URL', async () => {
    const { base } = await serve({}, unusedConvert);
    const html = await (await fetch(`${base}/probot`)).text();
    expect(html).not.toContain('name="manifest"');
    expect(html).toContain('Not ready to register');
    expect(html).toContain('WEBHOOK_PROXY_URL');
  });

  it('stores the converted credentials in .env, logs the next steps and sends the browser to the install page', async () => {
    const codes: string[] = [];
    const { base, envPath, lines } = await serve({ WEBHOOK_PROXY_URL: 'https://smee.io/chan' }, async (code) => {
      codes.push(code);
      return { id: 4242, html_url: 'https://github.com/apps/fw-acme', pem: PEM, webhook_secret: 's3cret', client_id: 'Iv1.abc', client_secret: 'cs' };
    });
    updateEnvFile(envPath, { WEBHOOK_PROXY_URL: 'https://smee.io/chan' });
    const response = await fetch(`${base}/probot/setup?code=one-time`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://github.com/apps/fw-acme/installations/new');
    expect(codes).toEqual(['one-time']);
    expect(parseEnv(readFileSync(envPath, 'utf8'))).toEqual({
      WEBHOOK_PROXY_URL: 'https://smee.io/chan',
      APP_ID: '4242',
      PRIVATE_KEY: PEM,
      WEBHOOK_SECRET: 's3cret',
      GITHUB_CLIENT_ID: 'Iv1.abc',
      GITHUB_CLIENT_SECRET: 'cs',
    });
    expect(lines.join('\n')).toMatch(/registered the GitHub App https:\/\/github.com\/apps\/fw-acme[\s\S]*install[\s\S]*npm start/);
  });

  it('answers 400 without a code and 502 with the reason when GitHub refuses it', async () => {
    const { base, lines } = await serve({ WEBHOOK_PROXY_URL: 'https://smee.io/chan' }, async () => {
      throw new Error('HTTP 404 Not Found');
    });
    expect((await fetch(`${base}/probot/setup`)).status).toBe(400);
    const refused = await fetch(`${base}/probot/setup?code=used`);
    expect(refused.status).toBe(502);
    expect(await refused.text()).toContain('HTTP 404 Not Found');
    expect(lines).toEqual(['error: registering the App failed: HTTP 404 Not Found']);
  });

  it('creates the App under GH_ORG and on GHE_HOST when set', () => {
    expect(createAppUrl({ GH_ORG: 'acme' })).toBe('https://github.com/organizations/acme/settings/apps/new');
    expect(createAppUrl({ GHE_HOST: 'ghe.acme.test' })).toBe('https://ghe.acme.test/settings/apps/new');
  });
});
