import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type AppYml, buildAppManifest } from './setup/build-app-manifest.js';
import { apiBaseUrl, convertManifestCode, createSetupHandler } from './setup/create-setup-handler.js';
import { updateEnvFile } from './setup/update-env-file.js';

/**
 * `npm start`: loads `.env`, then runs the App under Probot when `APP_ID` and a private key are set, or else serves the
 * first-run setup page (see `src/setup/`) that registers the App from `app.yml` and writes its credentials to `.env`.
 * Unlike Probot's own setup mode, the webhook URL it registers is never a placeholder: `WEBHOOK_PROXY_URL`, then
 * `WEBHOOK_URL`, else a smee.io channel created on the spot (local development), else the page says what to set.
 */
const envPath = join(process.cwd(), '.env');
if (existsSync(envPath)) process.loadEnvFile(envPath);

const hasCredentials = Boolean(process.env.APP_ID && (process.env.PRIVATE_KEY || process.env.PRIVATE_KEY_PATH));
if (hasCredentials) {
  const [{ run }, { default: app }] = await Promise.all([import('probot'), import('./app.js')]);
  await run(app);
} else if (process.env.NODE_ENV === 'production') {
  console.error('error: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are not set; in production the setup page is off. See docs/deployment.md');
  process.exit(1);
} else {
  await startSetup();
}

async function startSetup(): Promise<void> {
  const appYml = parse(readFileSync(fileURLToPath(new URL('../app.yml', import.meta.url)), 'utf8')) as AppYml;
  if (!process.env.WEBHOOK_PROXY_URL && !process.env.WEBHOOK_URL && process.env.NO_SMEE_SETUP !== 'true') await createSmeeChannel();

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost';
  const log = { info: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  const handler = createSetupHandler({
    appYml,
    env: process.env,
    envPath,
    convert: (code) => convertManifestCode(code, apiBaseUrl(process.env)),
    saveEnv: (values) => updateEnvFile(envPath, values),
    log,
  });
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      log.error(`setup page failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(port, host, () => {
    const pageUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/probot`;
    const plan = buildAppManifest(appYml, process.env, `http://${host}:${port}`);
    log.info('fallacy-watch is not registered yet (no APP_ID / PRIVATE_KEY in the environment or .env).');
    log.info(`left to do: open ${pageUrl} and register the GitHub App; then restart npm start; then install the App.`);
    log.info(plan.ok ? `webhooks will go to ${plan.manifest.hook_attributes.url} (from ${plan.webhookUrlSource})` : `not ready: ${plan.problem}`);
  });
}

async function createSmeeChannel(): Promise<void> {
  try {
    const { SmeeClient } = await import('smee-client');
    const url = await SmeeClient.createChannel();
    updateEnvFile(envPath, { WEBHOOK_PROXY_URL: url });
    process.env.WEBHOOK_PROXY_URL = url;
    console.log(`created the webhook proxy channel ${url} (WEBHOOK_PROXY_URL, saved to .env); npm start forwards it to this machine`);
  } catch (error) {
    console.error(
      `could not create a smee.io channel (${error instanceof Error ? error.message : String(error)}); set WEBHOOK_PROXY_URL or WEBHOOK_URL in .env`,
    );
  }
}
