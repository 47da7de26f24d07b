import type { Command } from 'commander';
import { ProbotOctokit } from 'probot';
import { systemClock } from '../../backfill/backfill-clock.js';
import { backfillRepository, type BackfillResult, DEFAULT_BACKFILL_DAYS } from '../../backfill/backfill-repository.js';
import { formatBackfillProgress } from '../../backfill/format-backfill-progress.js';
import { createRateLimitGovernor } from '../../backfill/rate-limit-governor.js';
import { CliError, parseFullName } from '../cli-error.js';
import { DATABASE_OPTION, withCliStore } from '../open-cli-store.js';
import type { RegisterCommand } from './index.js';

interface BackfillOptions {
  token?: string;
  days: string;
  apiUrl: string;
  database?: string;
  json?: boolean;
}

/** Records of a token-only backfill belong to installation 0, as deliveries without an installation do. */
const CLI_INSTALLATION = 0;

/**
 * `fallacy-watch backfill <owner/repo> --token <t>`: backfills a repository over GraphQL into the store, no App
 * needed, then `fallacy-watch report <owner/repo>` works on it. The token may come from `GITHUB_TOKEN`. Run again,
 * it resumes an interrupted run, or fetches only what changed since the last one. `--api-url` points at GitHub
 * Enterprise Server (`https://ghe.example.com/api/v3`, or just the host). Progress goes to stderr: one redrawn line
 * on a terminal, plain lines otherwise.
 */
export const registerBackfillCommand: RegisterCommand = (program) => {
  program
    .command('backfill')
    .description('backfill a repository’s history over the GraphQL API into the store (token only, no App)')
    .argument('<owner/repo>', 'the repository')
    .option('--token <token>', 'a GitHub token that can read the repository (default $GITHUB_TOKEN)')
    .option('--days <n>', 'days of history to fetch', String(DEFAULT_BACKFILL_DAYS))
    .option('--api-url <url>', 'REST API root; GraphQL is at <url>/graphql, or <host>/api/graphql for GHES', 'https://api.github.com')
    .option(...DATABASE_OPTION)
    .option('--json', 'print the result as JSON')
    .action(async (fullName: string, options: BackfillOptions, command: Command) => {
      parseFullName('backfill', fullName);
      const apiUrl = checkApiUrl(options.apiUrl);
      const token = options.token ?? process.env.GITHUB_TOKEN;
      if (!token) command.error('backfill: pass --token or set GITHUB_TOKEN');
      const days = Number(options.days);
      if (!Number.isFinite(days) || days <= 0) command.error(`backfill: --days must be a positive number (got "${options.days}")`);
      const octokit = new ProbotOctokit({
        auth: { token },
        baseUrl: apiUrl,
        throttle: { enabled: false },
        retry: { enabled: false },
      });
      const governor = createRateLimitGovernor({ clock: systemClock, maxConcurrency: 1 });
      const started = systemClock.now();
      const tty = process.stderr.isTTY === true;
      const result = await withCliStore(options.database, {}, (store) =>
        backfillRepository({
          store,
          graphql: (query, variables) => octokit.graphql(query, variables),
          governor,
          installationId: CLI_INSTALLATION,
          repository: fullName,
          backfillDays: days,
          now: new Date(started),
          onProgress: (progress) => {
            const line = formatBackfillProgress(progress, systemClock.now() - started, governor.lastRateLimit(CLI_INSTALLATION)?.remaining);
            process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
          },
        }),
      );
      if (tty) process.stderr.write('\n');
      if (options.json) console.log(JSON.stringify(summarize(result)));
      else console.log(describeResult(result));
    });
};

/** `--api-url` as Octokit wants it, or a CliError naming what was expected. */
export function checkApiUrl(url: string, command = 'backfill'): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`${command}: --api-url is not a URL: "${url}" (expected https://api.github.com or https://<ghes-host>)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new CliError(`${command}: --api-url must be http(s), got "${url}"`);
  return resolveApiUrl(url);
}

/**
 * The REST root Octokit wants: as given, except a bare GitHub Enterprise Server host (`https://ghe.example.com`)
 * gains `/api/v3`. Octokit sends GraphQL to `<root>/graphql`, with `/api/v3` replaced by `/api` (GHES).
 */
export function resolveApiUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  const parsed = new URL(trimmed);
  if (parsed.hostname === 'api.github.com' || parsed.pathname !== '/') return trimmed;
  return `${trimmed}/api/v3`;
}

function summarize(result: BackfillResult) {
  return { repository: result.repository.fullName, items: result.items, queries: result.queries, points: result.points };
}

function describeResult(result: BackfillResult): string {
  const { items } = result;
  return (
    `${result.repository.fullName}: ${items.pullRequests} pull requests, ${items.issues} issues, ${items.milestones} milestones, ` +
    `${items.releases} releases stored — ${result.queries} queries, ${result.points} points`
  );
}
