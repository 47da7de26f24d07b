import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AppYml, buildAppManifest } from './build-app-manifest.js';
import { renderSetupPage } from './render-setup-page.js';

/** What GitHub returns when a manifest code is converted (`POST /app-manifests/{code}/conversions`). */
export interface ManifestConversion {
  id: number;
  slug?: string;
  html_url: string;
  pem: string;
  webhook_secret: string | null;
  client_id: string;
  client_secret: string;
}

/** The setup handler's dependencies: everything that touches the outside world is passed in. */
export interface SetupHandlerOptions {
  appYml: AppYml;
  env: Record<string, string | undefined>;
  envPath: string;
  /** Exchanges the one-time code GitHub redirects with for the new App's credentials. */
  convert: (code: string) => Promise<ManifestConversion>;
  /** Persists the credentials (merging into `.env`). */
  saveEnv: (values: Record<string, string>) => void;
  log: { info: (message: string) => void; error: (message: string) => void };
}

/**
 * The HTTP handler of first-run setup: `GET /` and `GET /probot` show the setup page, `GET /probot/setup?code=…` (where
 * GitHub sends the browser after the App is registered) stores the credentials in `.env` and redirects to the App's
 * install page. Anything else is a 404. Returns a Node request listener.
 */
export function createSetupHandler(options: SetupHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { appYml, env, envPath, convert, saveEnv, log } = options;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://setup.invalid');
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/' || url.pathname === '/probot') {
      const plan = buildAppManifest(appYml, env, requestBaseUrl(req));
      return send(res, 200, 'text/html; charset=utf-8', renderSetupPage({ plan, createAppUrl: createAppUrl(env), envPath }));
    }
    if (url.pathname === '/probot/setup') {
      const code = url.searchParams.get('code');
      if (!code) return send(res, 400, 'text/plain', 'the code GitHub redirects with is missing');
      let app: ManifestConversion;
      try {
        app = await convert(code);
      } catch (error) {
        log.error(`registering the App failed: ${error instanceof Error ? error.message : String(error)}`);
        return send(res, 502, 'text/plain', `GitHub refused the manifest code (it is valid for one hour and one use): ${error instanceof Error ? error.message : String(error)}`);
      }
      saveEnv({
        APP_ID: String(app.id),
        PRIVATE_KEY: app.pem,
        ...(app.webhook_secret ? { WEBHOOK_SECRET: app.webhook_secret } : {}),
        GITHUB_CLIENT_ID: app.client_id,
        GITHUB_CLIENT_SECRET: app.client_secret,
      });
      for (const line of [
        `registered the GitHub App ${app.html_url}; APP_ID, PRIVATE_KEY and WEBHOOK_SECRET are in ${envPath}`,
        'left to do: 1) install it on your repositories (your browser is on its install page)',
        '            2) stop this server (Ctrl-C) and run `npm start` again to start the App with its credentials',
      ])
        log.info(line);
      res.writeHead(302, { location: `${app.html_url}/installations/new`, 'content-type': 'text/plain' }).end(`Registered. Next: install it at ${app.html_url}/installations/new, then restart npm start.`);
      return;
    }
    return send(res, 404, 'text/plain', 'not found; the setup page is at /probot');
  };
}

/** GitHub's "new App from manifest" form: the user's, or the organization's when `GH_ORG` is set; GHES via `GHE_HOST`. */
export function createAppUrl(env: Record<string, string | undefined>): string {
  const host = env.GHE_HOST || 'github.com';
  const protocol = env.GHE_PROTOCOL || 'https';
  return `${protocol}://${host}${env.GH_ORG ? `/organizations/${encodeURIComponent(env.GH_ORG)}` : ''}/settings/apps/new`;
}

/** The REST API root: api.github.com, or `<GHE_HOST>/api/v3`. */
export function apiBaseUrl(env: Record<string, string | undefined>): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : 'https://api.github.com';
}

/** Converts a manifest code with one unauthenticated `POST /app-manifests/{code}/conversions`. */
export async function convertManifestCode(code: string, baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<ManifestConversion> {
  const response = await fetchImpl(`${baseUrl}/app-manifests/${encodeURIComponent(code)}/conversions`, {
    method: 'POST',
    headers: { accept: 'application/vnd.github+json', 'user-agent': 'fallacy-watch-setup' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as ManifestConversion;
}

function requestBaseUrl(req: IncomingMessage): string {
  const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  const protocol = forwardedProto || ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0]!.trim();
  return `${protocol}://${host}`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}
