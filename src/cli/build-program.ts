import { Command } from 'commander';
import { commands } from './commands/index.js';

/** The `fallacy-watch` command line: one file per command under `commands/`, listed in `commands/index.ts`. */
export function buildProgram(): Command {
  const program = new Command('fallacy-watch')
    .description('Community-health fallacies for GitHub repositories')
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}
