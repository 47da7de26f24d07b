import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUPPLY_CHAIN_SCHEMA } from '../../src/cli/commands/supply-chain.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fallacy-watch-supply-chain-'));
  await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
  await writeFile(
    join(dir, '.github', 'workflows', 'ci.yml'),
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: someone/tool@v1\n',
  );
  await writeFile(join(dir, '.github', 'workflows', 'broken.yaml'), 'on: push\njobs: [\n');
  await writeFile(join(dir, '.github', 'workflows', 'notes.md'), '- uses: someone/tool@v1\n');
  await writeFile(join(dir, 'renovate.json'), '{}');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `fallacy-watch supply-chain …` in-process and returns what it printed. */
const run = (...args: string[]) => runCli(['supply-chain', ...args]);

describe('fallacy-watch supply-chain', () => {
  it('--json prints the schema and every finding as { file, line, kind, severity, message }', async () => {
    const output = JSON.parse(await run('--dir', dir, '--json')) as { schema: string; findings: Array<Record<string, unknown>> };
    expect(output.schema).toBe(SUPPLY_CHAIN_SCHEMA);
    expect(output.findings.map((finding) => [finding.file, finding.line, finding.kind, finding.severity])).toEqual([
      ['', 0, 'no-security-policy', 'warning'],
      ['.github/workflows/broken.yaml', 2, 'workflow-parse-error', 'warning'],
      ['.github/workflows/ci.yml', 0, 'missing-permissions', 'warning'],
      ['.github/workflows/ci.yml', 6, 'unpinned-action', 'warning'],
    ]);
    expect(Object.keys(output.findings[0]!)).toEqual(['file', 'line', 'kind', 'severity', 'message']);
  });

  it('without --json prints a readable table with a summary', async () => {
    const output = await run('--dir', dir);
    const lines = output.split('\n');
    expect(lines[0]).toMatch(/^LOCATION\s+SEVERITY\s+KIND\s+MESSAGE$/);
    expect(output).toContain('.github/workflows/ci.yml:6');
    expect(output).toMatch(/\(repository\)\s+warning\s+no-security-policy/);
    expect(output).toContain('4 findings (0 error, 4 warning, 0 info)');
  });

  it('exits normally (code 0) even with findings: it is a report, not a gate', async () => {
    process.exitCode = undefined;
    await run('--dir', dir, '--json');
    expect(process.exitCode).toBeUndefined();
  });

  it('a clean checkout prints no findings', async () => {
    await writeFile(
      join(dir, '.github', 'workflows', 'ci.yml'),
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    );
    await rm(join(dir, '.github', 'workflows', 'broken.yaml'));
    await writeFile(join(dir, 'SECURITY.md'), '# Reporting\n');
    expect(await run('--dir', dir)).toBe('No supply-chain findings.\n');
  });

  it('a missing directory is a usage error, not an empty report', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(run('--dir', join(dir, 'nope'))).rejects.toMatchObject({ exitCode: 1 });
  });
});
