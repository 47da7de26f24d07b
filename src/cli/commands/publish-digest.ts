import { appendFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { runAction } from '../../action/run-action.js';
import { CliError, parseFullName } from '../cli-error.js';
import { DATABASE_OPTION, withCliStore } from '../open-cli-store.js';
import { checkApiUrl } from './backfill.js';
import type { RegisterCommand } from './index.js';

interface PublishDigestOptions {
  token?: string;
  apiUrl: string;
  days?: string;
  database?: string;
  now?: string;
  summary?: string;
  githubOutput?: string;
}

/**
 * `fallacy-watch publish-digest <owner/repo>`: the GitHub Action's work (and a cron job's, without the App): import
 * the repository's history with a token (incremental on a kept store), then create or update this week's digest issue
 * exactly as the App would, using the repository's `.github/fallacy-watch.yml`. `--summary` appends the digest to a
 * file (the Action passes `$GITHUB_STEP_SUMMARY`); `--github-output` writes `issue-number`, `issue-url` and `action`.
 */
export const registerPublishDigestCommand: RegisterCommand = (program) => {
  program
    .command('publish-digest')
    .description('import a repository with a token and create or update its weekly digest issue, as the App would (the GitHub Action)')
    .argument('<owner/repo>', 'the repository')
    .option('--token <token>', 'a token that reads the repository and writes issues (default $GITHUB_TOKEN)')
    .option('--api-url <url>', 'REST API root (default $GITHUB_API_URL, else https://api.github.com)', process.env.GITHUB_API_URL || 'https://api.github.com')
    .option('--days <n>', 'days of history to import on the first run (default: the config\'s backfillDays)')
    .option(...DATABASE_OPTION)
    .option('--now <iso-date>', 'act as of this time (default: now)')
    .option('--summary <file>', 'append the digest to this markdown file (the Action: $GITHUB_STEP_SUMMARY)')
    .option('--github-output <file>', 'append issue-number, issue-url and action as step outputs (the Action: $GITHUB_OUTPUT)')
    .action(async (fullName: string, options: PublishDigestOptions, command: Command) => {
      const { owner, name } = parseFullName('publish-digest', fullName);
      const apiUrl = checkApiUrl(options.apiUrl, 'publish-digest');
      const token = options.token ?? process.env.GITHUB_TOKEN;
      if (!token) command.error('publish-digest: pass --token or set GITHUB_TOKEN');
      const days = options.days === undefined || options.days === '' ? undefined : Number(options.days);
      if (days !== undefined && (!Number.isFinite(days) || days <= 0)) command.error(`publish-digest: --days must be a positive number (got "${options.days}")`);
      const now = options.now === undefined ? new Date() : new Date(options.now);
      if (Number.isNaN(now.getTime())) throw new CliError(`publish-digest: --now is not a date: ${options.now}`);
      const result = await withCliStore(options.database, {}, (store) =>
        runAction({ store, token, owner, repo: name, apiUrl, now, ...(days === undefined ? {} : { days }), ...(options.summary ? { summaryFile: options.summary } : {}) }),
      );
      for (const problem of result.configProblems) {
        console.error(`config: ${problem.path ? `${problem.path}: ` : ''}${problem.message}${problem.line ? ` (line ${problem.line})` : ''}`);
      }
      const { imported, digest } = result;
      console.log(
        `${fullName}: imported ${imported.pullRequests} pull requests, ${imported.issues} issues; ` +
          (digest ? `digest issue #${digest.number} ${digest.action} (${digest.url})` : 'digest turned off in the config'),
      );
      if (options.githubOutput && digest) {
        await appendFile(options.githubOutput, `issue-number=${digest.number}\nissue-url=${digest.url}\naction=${digest.action}\n`, 'utf8');
      }
    });
};
