import { appendFile } from 'node:fs/promises';
import pino, { type Logger } from 'pino';
import { ProbotOctokit } from 'probot';
import { systemClock } from '../backfill/backfill-clock.js';
import { backfillRepository, type BackfillResult } from '../backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../backfill/rate-limit-governor.js';
import type { ConfigProblem } from '../config/config-problem.js';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import type { GitHubClient } from '../github/client.js';
import { createAreaContextCache } from '../areas/area-context-cache.js';
import type { UpsertDigestIssueResult } from '../publish/upsert-digest-issue.js';
import { DIGEST_LABEL, escapeMarkdown } from '../render/index.js';
import { createConfigSource } from '../schedule/create-config-source.js';
import { publishDigest } from '../application/publish-digest.js';
import type { Store } from '../store/store.js';

/** Records imported with a token, not an App installation, belong to installation 0 (as `backfill`'s do). */
export const TOKEN_INSTALLATION = 0;

export interface RunActionInput {
  store: Store;
  /** A token that can read the repository and write issues (the workflow's `GITHUB_TOKEN`). */
  token: string;
  owner: string;
  repo: string;
  /** REST root (`GITHUB_API_URL`); GraphQL at `<root>/graphql`. */
  apiUrl: string;
  /** Days of history to import on the first run; default: the config's `backfillDays`. */
  days?: number;
  now: Date;
  /** Where the job summary goes (`GITHUB_STEP_SUMMARY`); appended to. */
  summaryFile?: string;
  log?: Logger;
  /** Octokit's `fetch` (tests). */
  fetch?: typeof fetch;
}

export interface RunActionResult {
  imported: BackfillResult['items'];
  configProblems: ConfigProblem[];
  /** `null` when the repository's config turns the digest off. */
  digest: (UpsertDigestIssueResult & { title: string; body: string }) | null;
}

/**
 * The GitHub Action (`action.yml`): what the App does for one repository each week, from a scheduled workflow with
 * its own `GITHUB_TOKEN` and no server. Reads the repository's `.github/fallacy-watch.yml` as the App does (org
 * `.github` fallback, `_extends`); imports the history over GraphQL into the store (incremental when the store was
 * restored from a cache: the backfill resumes from its checkpoints); publishes the weekly digest with the App's own
 * job (`publishDigest`: one issue per week, updated in place, the previous one linked and closed); and appends the
 * digest to the job summary.
 */
export async function runAction(input: RunActionInput): Promise<RunActionResult> {
  const log = input.log ?? pino({ level: 'silent' });
  const octokit = new ProbotOctokit({
    auth: { token: input.token },
    baseUrl: input.apiUrl.replace(/\/+$/, ''),
    throttle: { enabled: false },
    retry: { enabled: false },
    ...(input.fetch ? { request: { fetch: input.fetch } } : {}),
  });
  const fullName = `${input.owner}/${input.repo}`;

  const { config, errors, warnings } = await loadRepositoryConfig(createConfigSource(octokit, input.owner, input.repo, log));
  const backfill = await backfillRepository({
    store: input.store,
    graphql: (query, variables) => octokit.graphql(query, variables),
    governor: createRateLimitGovernor({ clock: systemClock, maxConcurrency: 1 }),
    installationId: TOKEN_INSTALLATION,
    repository: fullName,
    backfillDays: input.days ?? config.backfillDays,
    now: input.now,
  });
  const { repoId, defaultBranch } = backfill.repository;
  const target = { installationId: TOKEN_INSTALLATION, repoId, owner: input.owner, repo: input.repo, fullName: backfill.repository.fullName, defaultBranch };

  let digest: RunActionResult['digest'] = null;
  if (config.digest.enabled) {
    const deps = { store: input.store, now: () => input.now, areas: createAreaContextCache() };
    const result = await publishDigest(deps, { octokit, target, config, log });
    const [owner, repo] = (config.digest.repository ?? fullName).split('/') as [string, string];
    const issue = await findIssue(octokit, owner, repo, result.number);
    digest = { ...result, title: issue?.title ?? '', body: issue?.body ?? '' };
  }
  const outcome = { imported: backfill.items, configProblems: [...errors, ...warnings], digest };
  if (input.summaryFile) await appendFile(input.summaryFile, renderJobSummary(fullName, outcome), 'utf8');
  return outcome;
}

/** The job summary: what was imported and published, then the digest as the issue shows it. */
export function renderJobSummary(fullName: string, outcome: RunActionResult): string {
  const { imported, digest, configProblems } = outcome;
  const lines = [
    `### fallacy-watch — ${escapeMarkdown(fullName)}`,
    '',
    `Imported or refreshed ${imported.pullRequests} pull requests, ${imported.issues} issues, ${imported.milestones} milestones and ${imported.releases} releases.`,
    digest ? `Digest issue [#${digest.number}](${digest.url}): ${digest.action}${digest.closed.length ? `; closed ${digest.closed.map((n) => `#${n}`).join(', ')}` : ''}.` : 'The digest is turned off (`digest.enabled: false`).',
    ...configProblems.map((problem) => `- config: ${escapeMarkdown(`${problem.path ? `${problem.path}: ` : ''}${problem.message}${problem.line ? ` (line ${problem.line})` : ''}`)}`),
    '',
    ...(digest ? [`## ${digest.title}`, '', digest.body, ''] : []),
  ];
  return `${lines.join('\n')}\n`;
}

async function findIssue(octokit: GitHubClient, owner: string, repo: string, number: number): Promise<{ title: string; body: string } | undefined> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: DIGEST_LABEL, state: 'all', per_page: 100 });
  const issue = issues.find((candidate) => candidate.number === number);
  return issue ? { title: issue.title, body: issue.body ?? '' } : undefined;
}
