import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { commands } from './commands/index.js';

/** The package version (`package.json` sits two folders up from both `src/cli` and `dist/cli`). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The `fallacy-watch` command line: one file per command under `commands/`, listed in `commands/index.ts`. */
export function buildProgram(): Command {
  const program = new Command('fallacy-watch')
    .description('Community-health fallacies for GitHub repositories')
    .version(VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(add --help for usage)');
  for (const register of commands) register(program);
  return program;
}
