import { CommanderError } from 'commander';
import { buildProgram } from './build-program.js';
import { describeError } from './cli-error.js';

/**
 * Runs the CLI on `argv` and returns the exit code instead of exiting: usage errors (unknown option, missing
 * argument, conflicting flags) are printed by commander with a pointer to `--help`; every other error becomes one
 * line `fallacy-watch: <what went wrong>` on stderr (`FALLACY_WATCH_DEBUG=1` adds the stack).
 */
export async function runMain(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`fallacy-watch: ${describeError(error)}\n`);
    if (process.env.FALLACY_WATCH_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return typeof (error as { exitCode?: unknown }).exitCode === 'number' ? (error as { exitCode: number }).exitCode : 1;
  }
}
