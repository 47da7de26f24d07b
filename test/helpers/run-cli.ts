import { vi } from 'vitest';
import { buildProgram } from '../../src/cli/build-program.js';

/**
 * Runs the CLI in-process and returns what it printed to stdout (console.log and process.stdout.write); a usage
 * error rejects with commander's error (`exitCode`), a data error with the CliError; either carries `stdout`.
 */
export async function runCli(args: string[]): Promise<string> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    out.push(`${parts.map(String).join(' ')}\n`);
  });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    // Errors throw (with their exitCode) instead of exiting the test process, in sub-commands too.
    const program = buildProgram().exitOverride();
    for (const command of program.commands) command.exitOverride();
    await program.parseAsync(['node', 'fallacy-watch', ...args]);
  } catch (error) {
    // What was printed before the error, for tests of commands that report and then fail (replay).
    if (error instanceof Error) Object.assign(error, { stdout: out.join('') });
    throw error;
  } finally {
    log.mockRestore();
    write.mockRestore();
    error.mockRestore();
  }
  return out.join('');
}
