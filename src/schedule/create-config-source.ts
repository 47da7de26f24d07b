import type { Logger } from 'pino';
import { Context } from 'probot';
import type { GitHubClient } from '../github/client.js';

/**
 * A config reader for a repository outside any webhook delivery (the scheduler, a refresh of another repository's
 * digest): a Probot `Context` over a synthetic event, so `context.config` reads and layers `.github/fallacy-watch.yml`
 * exactly as it does for deliveries (org `.github` fallback, `_extends`).
 */
export function createConfigSource(octokit: GitHubClient, owner: string, repo: string, log: Logger): Pick<Context, 'config'> {
  const event = { id: `fallacy-watch:${owner}/${repo}`, name: 'repository', payload: { repository: { name: repo, owner: { login: owner } } } };
  return new Context(event as never, octokit as never, log as never);
}
