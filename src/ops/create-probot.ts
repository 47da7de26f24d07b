import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import type { AppMetrics } from './create-app-metrics.js';
import type { ProductionSettings } from './production-settings.js';

/** Retries of one request after a secondary rate limit (GitHub's `retry-after` is waited each time). */
const SECONDARY_LIMIT_RETRIES = 3;

/**
 * The Probot of a web or worker process: the app's credentials, GitHub at `GITHUB_API_URL`, and Probot's Octokit
 * with three changes. Secondary rate limits are retried (Probot's default only logs them) after GitHub's
 * `retry-after`, up to 3 times, then the error reaches the job, which BullMQ retries with backoff. Writes of one
 * installation are spaced `GITHUB_WRITE_INTERVAL_MS` apart, and writes that notify (issues, comments) three times
 * that (GitHub's advice is 1 s and 3 s, Octokit's defaults; tests and load runs against the simulator lower it). Every installation's `x-ratelimit-used` / `-remaining` goes to the
 * metrics. 5xx answers are retried by Octokit's retry plugin (1 s, 4 s, 9 s).
 */
export function createProductionProbot(settings: ProductionSettings, log: Logger, metrics?: AppMetrics): Probot {
  const write = new Bottleneck.Group({ id: 'fallacy-watch-write', maxConcurrent: 1, minTime: settings.GITHUB_WRITE_INTERVAL_MS });
  const notifications = new Bottleneck.Group({ id: 'fallacy-watch-notifications', maxConcurrent: 1, minTime: 3 * settings.GITHUB_WRITE_INTERVAL_MS });
  const Base = metrics ? ProbotOctokit.plugin(reportRateLimits(metrics)) : ProbotOctokit;
  const Octokit = Base.defaults((options: Record<string, any>) => ({
    ...options,
    // Probot 14 turns throttling off for installation clients unless told otherwise; it stays on here.
    throttle: {
      ...options.throttle,
      enabled: true,
      id: String(options.auth?.installationId ?? 'app'),
      write,
      notifications,
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string; request: { retryCount: number } }) => {
        const retry = request.request.retryCount < SECONDARY_LIMIT_RETRIES;
        log.warn({ method: request.method, url: request.url, retryAfter, retry }, 'secondary rate limit');
        return retry;
      },
    },
  }));
  return new Probot({
    appId: settings.APP_ID,
    privateKey: settings.PRIVATE_KEY,
    secret: settings.WEBHOOK_SECRET,
    baseUrl: settings.GITHUB_API_URL,
    log,
    Octokit: Octokit as typeof ProbotOctokit,
  });
}

function reportRateLimits(metrics: AppMetrics) {
  return (octokit: { hook: { after(name: 'request', hook: (response: { headers: Record<string, unknown> }) => void): void } }, options: { auth?: unknown }) => {
    const installationId = (options.auth as { installationId?: unknown } | undefined)?.installationId;
    if (typeof installationId !== 'number') return;
    octokit.hook.after('request', (response) => {
      const used = Number(response.headers['x-ratelimit-used']);
      const remaining = Number(response.headers['x-ratelimit-remaining']);
      const resource = String(response.headers['x-ratelimit-resource'] ?? 'core');
      if (Number.isFinite(used) && Number.isFinite(remaining)) metrics.recordRateLimit(installationId, resource, used, remaining);
    });
  };
}
