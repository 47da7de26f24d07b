import { statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { lookUpFallacy } from '../../render/index.js';
import { runDemo } from '../../demo/run-demo.js';
import { CliError } from '../cli-error.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch demo [--out demo-output]`: the first-run experience. Builds a realistic sample community (six
 * months, five `sig/` areas from an OWNERS tree, a few hundred PRs and issues), runs its webhook deliveries through
 * the app on a throwaway embedded store, offline, and writes what the app posts — the check run and PR comment of
 * one pull request and the weekly digest — as markdown and standalone HTML, then prints the terminal summary.
 */
export const registerDemoCommand: RegisterCommand = (program) => {
  program
    .command('demo')
    .description('run the app on a realistic sample community, offline, and write what it posts to a folder')
    .option('--out <dir>', 'where to write check-run.md/.html, pr-comment.md/.html, digest.md/.html and report.json', 'demo-output')
    .option('--seed <n>', 'another sample community (same seed, same files)', '2023')
    .option('--deliveries <file>', 'also write the sample community\'s webhook deliveries as JSON Lines for `replay`')
    .option('--database <url>', 'keep the demo\'s store (sqlite:<path> or postgres://…) for `report` instead of throwing it away')
    .action(async (options: { out: string; seed: string; deliveries?: string; database?: string }, command: Command) => {
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0) command.error(`demo: --seed must be a non-negative integer, got ${options.seed}`);
      if (kindOf(options.out) === 'file') throw new CliError(`demo: --out ${options.out} is a file, expected a folder`);
      if (options.deliveries && kindOf(options.deliveries) === 'directory') throw new CliError(`demo: --deliveries ${options.deliveries} is a folder, expected a file`);
      if (options.database && !/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(options.database)) {
        throw new CliError(`demo: --database must start with sqlite:, postgres:// or postgresql:// (got "${options.database}")`);
      }
      const started = performance.now();
      const run = await runDemo({
        outDir: options.out,
        seed,
        ...(options.deliveries ? { deliveriesFile: options.deliveries } : {}),
        ...(options.database ? { databaseUrl: options.database } : {}),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { community, report, ingested } = run;
      const fallacies = [...new Set(report.findings.map((finding) => finding.fallacy))].sort((a, b) => a - b);
      const lines = [
        run.terminalSummary,
        '',
        `Sample community ${community.repository.fullName}: ${ingested.deliveries} webhook deliveries through the app's webhook handler (${ingested.failed} failed), ${seconds} s in all.`,
        `Fallacies found: ${fallacies.map((n) => `${n}. ${lookUpFallacy(n).short}`).join(', ')}.`,
        `The app published the check run${run.published.prComment ? ' and the sticky comment' : ''} of pull request ${community.showcase.number} and the weekly digest; written to:`,
        ...run.files.map((file) => `  ${relative(process.cwd(), file) || file}`),
        'Open digest.html in a browser to see the digest as GitHub shows it.',
        ...nextSteps(options, community.repository.fullName, community.end),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
};

function kindOf(path: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** What to try next with the sample data the options kept. */
function nextSteps(options: { deliveries?: string; database?: string }, fullName: string, end: Date): string[] {
  const to = `--to ${end.toISOString().slice(0, 10)}`;
  return [
    ...(options.deliveries ? [`Its deliveries are in ${options.deliveries}: fallacy-watch replay ${options.deliveries} && fallacy-watch report ${fullName} ${to}`] : []),
    ...(options.database ? [`Its store is kept: fallacy-watch report ${fullName} ${to} --database ${options.database}`] : []),
  ];
}
