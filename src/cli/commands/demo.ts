import { relative } from 'node:path';
import type { Command } from 'commander';
import { lookUpFallacy } from '../../render/index.js';
import { runDemo } from '../../demo/run-demo.js';
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
    .option('--out <dir>', 'where to write check-run.md, pr-comment.md, digest.md and digest.html', 'demo-output')
    .option('--seed <n>', 'another sample community (same seed, same files)', '2023')
    .action(async (options: { out: string; seed: string }, command: Command) => {
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0) command.error(`demo: --seed must be a non-negative integer, got ${options.seed}`);
      const started = performance.now();
      const run = await runDemo({ outDir: options.out, seed });
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
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
};
