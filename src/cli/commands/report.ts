import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { buildRepositoryReport } from '../../application/build-repository-report.js';
import { ProbotOctokit } from 'probot';
import type { GitHubClient } from '../../github/client.js';
import type { OrgConfig } from '../../config/org-config-schema.js';
import { parseOrgConfigYaml } from '../../config/parse-org-config-yaml.js';
import type { RepositoryActivity } from '../../core/records.js';
import type { Window } from '../../metrics/types.js';
import { toClockSettings } from '../../config/to-clock-settings.js';
import { indexActivity } from '../../metrics/index-activity.js';
import { createWindow } from '../../metrics/metric-options.js';
import { renderDigest } from '../../render/render-digest.js';
import { renderTerminalSummary } from '../../render/render-terminal-summary.js';
import { computeWeeklyTrend } from '../../report/compute-weekly-trend.js';
import { loadLocalContext } from '../../report/load-local-context.js';
import { loadReportActivity } from '../../report/load-report-activity.js';
import { loadReportActivityWithFirstPullRequests } from '../../report/look-up-first-pull-requests.js';
import { checkApiUrl } from './backfill.js';
import { CliError, parseFullName } from '../cli-error.js';
import { renderReportCsv } from '../../report/render-report-csv.js';

/** What `--format` accepts; `--json` and `--markdown` are short for the first two. */
const FORMATS = ['json', 'markdown', 'csv', 'text'] as const;
import { DATABASE_OPTION, withCliStore } from '../open-cli-store.js';
import type { RegisterCommand } from './index.js';
import { renderOrgReportOutput } from './report-org.js';

interface ReportOptions {
  json?: boolean;
  markdown?: boolean;
  format?: string;
  from?: string;
  to?: string;
  dir?: string;
  config?: string;
  installation?: string;
  database?: string;
  org?: string;
  orgConfig?: string;
  token?: string | true;
  apiUrl: string;
}

/**
 * `fallacy-watch report <owner/repo>`: the report over what the store holds (from webhooks, `replay` or `backfill`):
 * a terminal summary, `--json` (the `fallacy-watch/report@1` contract), `--markdown` (the weekly digest body) or
 * `--format csv` (metrics per area and window, and the items behind each finding, for spreadsheets).
 * `--dir <checkout>` adds areas from the checkout's OWNERS / CODEOWNERS / config, owners coverage and supply-chain
 * findings. `--token [t]` (alone: `$GITHUB_TOKEN`) first asks GitHub for the earliest PR of the authors the stored
 * history cannot tell about, as the App does before its reports, and keeps the answers in the store; without it
 * nothing is fetched and those figures stay `null`. The same store, options and `--to` always print the same bytes.
 */
export const registerReportCommand: RegisterCommand = (program) => {
  program
    .command('report')
    .description('compute metrics and fallacy findings for a repository in the store')
    .argument('[owner/repo]', 'the repository (or --org)')
    .option('--org <org>', 'every repository of an organisation, pooled (fallacy-watch/org-report@1)')
    .option('--org-config <file>', 'with --org: a fallacy-watch-org.yml declaring areas across repositories')
    .addOption(new Option('--json', 'print the fallacy-watch/report@1 JSON (same as --format json)').conflicts(['markdown', 'format']))
    .addOption(new Option('--markdown', 'print the weekly digest issue body (same as --format markdown)').conflicts(['json', 'format']))
    .option('--format <format>', `output format: ${FORMATS.join(', ')} (default text; --json and --markdown set it)`)
    .option('--from <iso-date>', 'window start (default: --to minus windowDays)')
    .option('--to <iso-date>', 'window end, exclusive (default: now)')
    .option('--dir <checkout>', 'a local checkout of the repository, for areas, owners and supply chain')
    .option('--config <file>', 'a fallacy-watch.yml to use (default: the checkout’s .github/fallacy-watch.yml)')
    .option('--installation <id>', 'the installation, when the repository is stored under several')
    .option('--token [token]', 'search GitHub for undecided authors’ first PRs with this token (alone: $GITHUB_TOKEN)')
    .option('--api-url <url>', 'with --token: REST API root (GitHub Enterprise Server: https://<host>)', 'https://api.github.com')
    .option(...DATABASE_OPTION)
    .action(async (repositoryName: string | undefined, options: ReportOptions, command: Command) => {
      if ((repositoryName === undefined) === (options.org === undefined)) command.error('report: give either <owner/repo> or --org <org>');
      if (options.org !== undefined && options.dir) command.error('report: --dir reads one checkout; it does not apply to --org');
      if (options.org === undefined && options.orgConfig) command.error('report: --org-config applies only with --org');
      if (options.org !== undefined && options.token !== undefined) command.error('report: --token searches for one repository; it does not apply to --org');
      const token = options.token === true ? process.env.GITHUB_TOKEN : options.token;
      if (options.token === true && !token) command.error('report: --token without a value reads GITHUB_TOKEN, which is not set');
      const format = resolveFormat(options, command);
      const to = parseDate(options.to, '--to', command) ?? new Date(Math.floor(Date.now() / 1000) * 1000);
      const from = parseDate(options.from, '--from', command);
      if (from && from >= to) command.error('report: --from must be before --to');
      if (options.org !== undefined) {
        if (format === 'csv') command.error('report: --format csv is for one repository; --org prints json, markdown or text');
        process.stdout.write(await printOrgReport(options.org, options, to, from, format));
        return;
      }
      const fullName = repositoryName!;
      parseFullName('report', fullName);
      if (options.config && !existsSync(options.config)) throw new CliError(`report: --config ${options.config}: no such file`);
      if (options.dir) await checkCheckout(options.dir);
      const context = await loadLocalContext({
        ...(options.dir ? { dir: options.dir } : {}),
        ...(options.config ? { configFile: options.config } : {}),
      });
      for (const problem of [...context.config.errors, ...context.config.warnings]) {
        const where = problem.line ? ` (line ${problem.line})` : '';
        console.error(`config: ${problem.path ? `${problem.path}: ` : ''}${problem.message}${where}`);
      }
      const octokit = token === undefined ? undefined : createSearchClient(token, checkApiUrl(options.apiUrl, 'report'));
      // Searching keeps its answers in the store; without a token the report only reads. Neither creates a store.
      const output = await withCliStore(options.database, octokit === undefined ? { readOnly: true } : { mustExist: true }, async (store) => {
        const candidates = await store.findRepositories(fullName);
        const installation = options.installation === undefined ? undefined : Number(options.installation);
        const matching = installation === undefined ? candidates : candidates.filter((r) => r.installationId === installation);
        if (matching.length === 0) throw new CliError(`report: ${fullName} is not in the store (ingest deliveries with replay, or run backfill)`);
        if (matching.length > 1) {
          throw new CliError(`report: ${fullName} is stored under installations ${matching.map((r) => r.installationId).join(', ')}; pass --installation`);
        }
        const repository = matching[0]!;
        const config = context.config.config;
        const target = { installationId: repository.installationId, repoId: repository.repoId, ...splitFullName(repository.fullName) };
        const { report, activity, window } = await buildRepositoryReport(
          {
            readActivity: (reportWindow, owners) =>
              octokit
                ? loadReportActivityWithFirstPullRequests({
                    store,
                    octokit,
                    target,
                    window: reportWindow,
                    owners,
                    now: new Date(),
                    log: { warn: (_context: unknown, message?: string) => console.error(`report: ${message ?? 'a search failed'}; the figures it decides stay null`) },
                  })
                : loadReportActivity(store, repository.installationId, repository.repoId, reportWindow, owners),
            readAreas: async () => (context.areaModel ? { model: context.areaModel, paths: context.paths } : null),
            readSupplyChain: async () => context.supplyChain,
          },
          { repository, config, to, ...(from ? { from } : {}) },
        );
        if (!touchesWindow(activity, window)) {
          const full = (await store.loadActivity(repository.installationId, repository.repoId)) ?? activity;
          const range = storedRange(full);
          const asked = `${window.from.toISOString().slice(0, 10)} to ${window.to.toISOString().slice(0, 10)}`;
          if (!range) throw new CliError(`report: the store holds no pull requests or issues of ${fullName}`);
          const holds = `the store holds ${fullName} from ${range.from.slice(0, 10)} to ${range.to.slice(0, 10)}`;
          if (range.to < window.from.toISOString() || range.from >= window.to.toISOString()) {
            throw new CliError(`report: nothing between ${asked}; ${holds} (choose --to / --from within it)`);
          }
          console.error(`report: no pull request or issue activity between ${asked}; ${holds}`);
        }
        if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
        if (format === 'csv') return renderReportCsv(report);
        if (format === 'markdown') {
          const index = indexActivity(activity, { ignoreUsers: config.ignoreUsers, responses: config.responses });
          const trend = computeWeeklyTrend(index, { window: createWindow(to), clock: toClockSettings(config.clock) }, to);
          const digest = renderDigest({ report, weekOf: weekOf(to), trend, previousDigest: null });
          return `# ${digest.title}\n\n${digest.body}\n`;
        }
        return `${renderTerminalSummary(report)}\n`;
      });
      process.stdout.write(output);
    });
};

/** `report --org`: the organisation report of what the store holds, as JSON, the organisation digest or a summary. */
async function printOrgReport(
  organization: string,
  options: ReportOptions,
  to: Date,
  from: Date | undefined,
  format: 'json' | 'markdown' | 'text',
): Promise<string> {
  if (options.config && !existsSync(options.config)) throw new CliError(`report: --config ${options.config}: no such file`);
  const context = await loadLocalContext(options.config ? { configFile: options.config } : {});
  for (const problem of [...context.config.errors, ...context.config.warnings]) {
    const where = problem.line ? ` (line ${problem.line})` : '';
    console.error(`config: ${problem.path ? `${problem.path}: ` : ''}${problem.message}${where}`);
  }
  const orgConfig = options.orgConfig ? await readOrgConfig(options.orgConfig) : undefined;
  return withCliStore(options.database, { readOnly: true }, (store) =>
    renderOrgReportOutput(store, {
      organization,
      config: context.config.config,
      ...(orgConfig ? { orgConfig } : {}),
      to,
      ...(from ? { from } : {}),
      ...(options.installation === undefined ? {} : { installation: Number(options.installation) }),
      format: format === 'text' ? 'summary' : format,
      weekOf: weekOf(to),
    }),
  );
}

/** The organisation config of `--org-config`; its problems go to stderr, and the defaults are used. */
async function readOrgConfig(file: string): Promise<OrgConfig> {
  if (!existsSync(file)) throw new CliError(`report: --org-config ${file}: no such file`);
  const { config, errors } = parseOrgConfigYaml(await readFile(file, 'utf8'));
  for (const problem of errors) console.error(`org config: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
  return config;
}

/** Octokit for the first-PR searches: no retries or throttling of its own (a failed search is logged and skipped). */
function createSearchClient(token: string, baseUrl: string): GitHubClient {
  return new ProbotOctokit({ auth: { token }, baseUrl, throttle: { enabled: false }, retry: { enabled: false } });
}

function splitFullName(fullName: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

/** Refuses a `--dir` that is not a git checkout with one line, as `areas --dir` does. */
async function checkCheckout(dir: string): Promise<void> {
  const path = resolve(dir);
  const isDirectory = await stat(path).then((info) => info.isDirectory(), () => false);
  if (!isDirectory) throw new CliError(`report: --dir: not a directory: ${path}`);
  const isCheckout = await stat(resolve(path, '.git')).then(() => true, () => false);
  if (!isCheckout) throw new CliError(`report: --dir: not a git checkout (no .git): ${path}`);
}

/** Whether any pull request or issue was created, updated, closed or merged in the window. */
function touchesWindow(activity: RepositoryActivity, window: Window): boolean {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  return [...activity.pullRequests, ...activity.issues].some((item) =>
    [item.createdAt, item.updatedAt, item.closedAt, 'mergedAt' in item ? item.mergedAt : null].some((at) => at !== null && at >= from && at < to),
  );
}

/** The first creation and the last update of any stored pull request or issue. */
function storedRange(activity: RepositoryActivity): { from: string; to: string } | null {
  const items = [...activity.pullRequests, ...activity.issues];
  if (items.length === 0) return null;
  return {
    from: items.reduce((min, item) => (item.createdAt < min ? item.createdAt : min), items[0]!.createdAt),
    to: items.reduce((max, item) => (item.updatedAt > max ? item.updatedAt : max), items[0]!.updatedAt),
  };
}

function resolveFormat(options: ReportOptions, command: Command): (typeof FORMATS)[number] {
  const chosen = [options.json ? 'json' : null, options.markdown ? 'markdown' : null, options.format ?? null].filter((value) => value !== null);
  if (new Set(chosen).size > 1) command.error(`report: choose one output format, got ${chosen.join(' and ')}`);
  const format = chosen[0] ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) command.error(`report: --format must be one of ${FORMATS.join(', ')}, got ${format}`);
  return format as (typeof FORMATS)[number];
}

function parseDate(value: string | undefined, flag: string, command: Command): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) command.error(`report: ${flag} is not a date: ${value}`);
  return date;
}

/** The Monday (UTC) of the week `date` falls in, `YYYY-MM-DD`. */
function weekOf(date: Date): string {
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}
