import type { Command } from 'commander';
import { toClockSettings } from '../../config/to-clock-settings.js';
import { indexActivity } from '../../metrics/index-activity.js';
import { createWindow } from '../../metrics/metric-options.js';
import { renderDigest } from '../../render/render-digest.js';
import { renderTerminalSummary } from '../../render/render-terminal-summary.js';
import { buildReport, resolveReportWindow } from '../../report/build-report.js';
import { computeWeeklyTrend } from '../../report/compute-weekly-trend.js';
import { loadLocalContext } from '../../report/load-local-context.js';
import { loadReportActivity } from '../../report/load-report-activity.js';
import { DATABASE_OPTION, withCliStore } from '../open-cli-store.js';
import type { RegisterCommand } from './index.js';

interface ReportOptions {
  json?: boolean;
  markdown?: boolean;
  from?: string;
  to?: string;
  dir?: string;
  config?: string;
  installation?: string;
  database?: string;
}

/**
 * `fallacy-watch report <owner/repo>`: the report over what the store holds (from webhooks, `replay` or `backfill`):
 * a terminal summary, `--json` (the `fallacy-watch/report@1` contract) or `--markdown` (the weekly digest body).
 * `--dir <checkout>` adds areas from the checkout's OWNERS / CODEOWNERS / config, owners coverage and supply-chain
 * findings. The same store, options and `--to` always print the same bytes.
 */
export const registerReportCommand: RegisterCommand = (program) => {
  program
    .command('report')
    .description('compute metrics and fallacy findings for a repository in the store')
    .argument('<owner/repo>', 'the repository')
    .option('--json', 'print the fallacy-watch/report@1 JSON')
    .option('--markdown', 'print the weekly digest issue body')
    .option('--from <iso-date>', 'window start (default: --to minus windowDays)')
    .option('--to <iso-date>', 'window end, exclusive (default: now)')
    .option('--dir <checkout>', 'a local checkout of the repository, for areas, owners and supply chain')
    .option('--config <file>', 'a fallacy-watch.yml to use (default: the checkout’s .github/fallacy-watch.yml)')
    .option('--installation <id>', 'the installation, when the repository is stored under several')
    .option(...DATABASE_OPTION)
    .action(async (fullName: string, options: ReportOptions, command: Command) => {
      const to = parseDate(options.to, '--to', command) ?? new Date(Math.floor(Date.now() / 1000) * 1000);
      const from = parseDate(options.from, '--from', command);
      if (from && from >= to) command.error('report: --from must be before --to');
      const context = await loadLocalContext({
        ...(options.dir ? { dir: options.dir } : {}),
        ...(options.config ? { configFile: options.config } : {}),
      });
      for (const problem of [...context.config.errors, ...context.config.warnings]) {
        const where = problem.line ? ` (line ${problem.line})` : '';
        console.error(`config: ${problem.path ? `${problem.path}: ` : ''}${problem.message}${where}`);
      }
      const output = await withCliStore(options.database, async (store) => {
        const candidates = await store.findRepositories(fullName);
        const installation = options.installation === undefined ? undefined : Number(options.installation);
        const matching = installation === undefined ? candidates : candidates.filter((r) => r.installationId === installation);
        if (matching.length === 0) command.error(`report: ${fullName} is not in the store (ingest deliveries with replay, or run backfill)`);
        if (matching.length > 1) {
          command.error(`report: ${fullName} is stored under installations ${matching.map((r) => r.installationId).join(', ')}; pass --installation`);
        }
        const repository = matching[0]!;
        const activity = (await loadReportActivity(store, repository.installationId, repository.repoId, resolveReportWindow(context.config.config, to, from)))!;
        const config = context.config.config;
        const { report } = buildReport({
          activity,
          config,
          to,
          ...(from ? { from } : {}),
          areaModel: context.areaModel,
          paths: context.paths,
          supplyChain: context.supplyChain,
        });
        if (options.json) return `${JSON.stringify(report, null, 2)}\n`;
        if (options.markdown) {
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
