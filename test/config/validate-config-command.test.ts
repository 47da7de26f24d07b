import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/build-program.js';

/** Runs `fallacy-watch validate-config …` and returns what it printed and its exit code. */
async function runValidateConfig(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'fallacy-watch', 'validate-config', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, exitCode: Number(process.exitCode ?? 0) };
}

describe('fallacy-watch validate-config', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fallacy-watch-config-'));
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  async function aFile(text: string): Promise<string> {
    const file = join(directory, 'fallacy-watch.yml');
    await writeFile(file, text);
    return file;
  }

  it('says a valid file is valid and exits 0', async () => {
    const file = await aFile('windowDays: 14\n');
    const { stdout, exitCode } = await runValidateConfig(file);
    expect(stdout).toBe(`${file}: valid\n`);
    expect(exitCode).toBe(0);
  });

  it('prints errors and warnings with the key path and line, and exits 1 on errors', async () => {
    const file = await aFile('windowDays: soon\nrules:\n  onboarding-is-fre: {}\n');
    const { stdout, exitCode } = await runValidateConfig(file);
    expect(stdout.split('\n')).toEqual([
      `error   ${file}:1 windowDays: Invalid input: expected number, received string; using the default`,
      expect.stringMatching(new RegExp(`^warning ${file}:3 rules.onboarding-is-fre: unknown rule \\(ignored\\)`)),
      '1 error(s), 1 warning(s)',
      '',
    ]);
    expect(exitCode).toBe(1);
  });

  it('exits 0 with only warnings', async () => {
    const file = await aFile('colour: blue\n');
    const { stdout, exitCode } = await runValidateConfig(file);
    expect(stdout).toContain('warning');
    expect(exitCode).toBe(0);
  });

  it('prints the effective config with --print, defaults filled in and bad keys defaulted', async () => {
    const file = await aFile('windowDays: soon\nslaHours: 24\n');
    const { stdout } = await runValidateConfig(file, '--print');
    const printed = parse(stdout.slice(stdout.indexOf('warning(s)\n') + 'warning(s)\n'.length));
    expect(printed).toMatchObject({ windowDays: 28, slaHours: 24, backfillDays: 180 });
    expect(printed.rules['feedback-loops-are-tight'].maxFirstReviewHours).toBe(72);
  });

  it('reports a file it cannot read and exits 1', async () => {
    const { stderr, exitCode } = await runValidateConfig(join(directory, 'missing.yml'));
    expect(stderr).toMatch(/cannot read the file \(ENOENT\)/);
    expect(exitCode).toBe(1);
  });
});
