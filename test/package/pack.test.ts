import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * `npm pack` (which builds first, as `prepack`), then the tarball's contents installed as a dependency of an empty
 * project whose other dependencies are this checkout's (linked, so the test runs offline and in seconds; a real
 * `npx ./fallacy-watch-<version>.tgz` install fetches the same packages from the registry).
 */
describe('the npm package', () => {
  let dir: string;
  let files: string[];
  let bin: string;
  let project: string;
  let installed: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fw-pack-'));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    files = packed!.files.map((file) => file.path);
    project = join(dir, 'empty-project');
    installed = join(project, 'node_modules', 'fallacy-watch');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['xzf', join(dir, packed!.filename), '-C', installed, '--strip-components=1']);
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      if (entry.startsWith('.') || entry === 'fallacy-watch') continue;
      symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry));
    }
    bin = join(installed, 'dist', 'cli', 'main.js');
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => execFileSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('is publishable and ships the CLI, the App entry points, the manifest and the docs the CLI points to — not tests or sources', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { private?: boolean; bin: Record<string, string> };
    expect(pkg.private).toBeUndefined();
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'app.yml', pkg.bin['fallacy-watch']!, 'dist/app.js', 'dist/start.js', 'docs/deployment.md', 'docs/cli.md']));
    expect(files.filter((file) => /^(src|test)\//.test(file) || file.endsWith('.map') || file.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('ships the licence text of the licence package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('Apache-2.0');
    const licence = readFileSync(join(installed, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(licence).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(licence).toContain('END OF TERMS AND CONDITIONS');
  });

  it('prints its version and help from the installed tarball', () => {
    expect(cli('--version')).toBe(`${version}\n`);
    const help = cli('--help');
    for (const command of ['report', 'replay', 'backfill', 'demo', 'validate-config', 'web', 'worker']) expect(help).toContain(command);
  });

  it('runs the demo from the installed tarball', () => {
    const output = cli('demo', '--out', 'demo-output');
    expect(output).toContain('kube-widgets/kube-widgets');
    expect(existsSync(join(project, 'demo-output', 'digest.md'))).toBe(true);
  }, 120_000);
});
