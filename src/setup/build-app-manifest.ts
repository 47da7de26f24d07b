/** The settings `app.yml` holds: what the App asks for, not where it runs. */
export interface AppYml {
  name?: string;
  description?: string;
  url?: string;
  public?: boolean;
  default_permissions?: Record<string, string>;
  default_events?: string[];
  [key: string]: unknown;
}

/** The GitHub App manifest posted to GitHub's "create an App from a manifest" page. */
export interface AppManifest {
  name: string;
  url: string;
  description?: string;
  hook_attributes: { url: string; active: boolean };
  redirect_url: string;
  public: boolean;
  default_permissions: Record<string, string>;
  default_events: string[];
}

/** Where the webhook URL came from, so the setup page and the log can say it. */
export type WebhookUrlSource = 'WEBHOOK_PROXY_URL' | 'WEBHOOK_URL' | 'setup page address';

/** The manifest to register, or the reason there is none yet. */
export type ManifestPlan =
  | { ok: true; manifest: AppManifest; webhookUrlSource: WebhookUrlSource }
  | { ok: false; problem: string };

/** The path Probot serves webhooks on (`fallacy-watch web` and `npm start` alike). */
export const WEBHOOK_PATH = '/api/github/webhooks';

/** The homepage GitHub shows for the App when `APP_HOMEPAGE_URL` is unset: the package's public page. */
export const DEFAULT_HOMEPAGE_URL = 'https://www.npmjs.com/package/fallacy-watch';

/** GitHub's limit on an App name. */
const MAX_NAME_LENGTH = 34;

/**
 * Builds the App manifest from `app.yml` (permissions, events, description) and the environment (everything that
 * depends on where this copy runs). The webhook URL is, in order: `WEBHOOK_PROXY_URL` (a smee.io channel for local
 * development), `WEBHOOK_URL` (the public URL GitHub should deliver to), or the setup page's own address plus
 * `/api/github/webhooks` when that address is not a loopback one. A loopback address never becomes the webhook URL:
 * GitHub could not reach it, and registering it is how an App ends up receiving nothing.
 *
 * The name is `APP_NAME`, else `app.yml`'s; GitHub App names are global, so a clash is expected and the page says so.
 *
 * @param appYml - the parsed `app.yml`
 * @param env - the environment (`process.env`)
 * @param baseUrl - the address the browser used to open the setup page, e.g. `http://localhost:3000`
 */
export function buildAppManifest(appYml: AppYml, env: Record<string, string | undefined>, baseUrl: string): ManifestPlan {
  const name = (env.APP_NAME?.trim() || appYml.name || 'fallacy-watch').trim();
  if (name.length > MAX_NAME_LENGTH) return { ok: false, problem: `APP_NAME is ${name.length} characters; GitHub allows at most ${MAX_NAME_LENGTH}.` };

  const webhook = chooseWebhookUrl(env, baseUrl);
  if (!webhook.ok) return webhook;
  const homepage = env.APP_HOMEPAGE_URL?.trim() || appYml.url || DEFAULT_HOMEPAGE_URL;
  const homepageProblem = checkUrl('APP_HOMEPAGE_URL', homepage);
  if (homepageProblem) return { ok: false, problem: homepageProblem };

  return {
    ok: true,
    webhookUrlSource: webhook.source,
    manifest: {
      name,
      url: homepage,
      ...(appYml.description ? { description: appYml.description.trim() } : {}),
      hook_attributes: { url: webhook.url, active: true },
      redirect_url: `${baseUrl.replace(/\/$/, '')}/probot/setup`,
      public: appYml.public ?? false,
      default_permissions: appYml.default_permissions ?? {},
      default_events: appYml.default_events ?? [],
    },
  };
}

function chooseWebhookUrl(
  env: Record<string, string | undefined>,
  baseUrl: string,
): { ok: true; url: string; source: WebhookUrlSource } | { ok: false; problem: string } {
  for (const key of ['WEBHOOK_PROXY_URL', 'WEBHOOK_URL'] as const) {
    const value = env[key]?.trim();
    if (!value) continue;
    const problem = checkUrl(key, value);
    return problem ? { ok: false, problem } : { ok: true, url: value, source: key };
  }
  if (!isLoopback(baseUrl)) return { ok: true, url: `${baseUrl.replace(/\/$/, '')}${WEBHOOK_PATH}`, source: 'setup page address' };
  return {
    ok: false,
    problem:
      `No webhook URL: GitHub cannot deliver to ${baseUrl}. Set WEBHOOK_PROXY_URL (a https://smee.io channel, for local ` +
      `development) or WEBHOOK_URL (the public https URL of ${WEBHOOK_PATH} on your server) in .env, then restart.`,
  };
}

function checkUrl(key: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${key} is not a URL: ${JSON.stringify(value)} (expected https://…).`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${key} must be an http(s) URL, got ${JSON.stringify(value)}.`;
  return undefined;
}

/** Whether an address is one only this machine can reach (localhost, 127.x, ::1, 0.0.0.0). */
export function isLoopback(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return true;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '[::1]' || host === '0.0.0.0';
}
