import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

/** Writes files into the temporary checkout and stages them (`git ls-files` lists the index). */
async function checkout(files: Record<string, string>, untracked: Record<string, string> = {}): Promise<void> {
  execFileSync('git', ['init', '-q', dir]);
  for (const [path, content] of Object.entries({ ...files, ...untracked })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  execFileSync('git', ['-C', dir, 'add', '--', ...Object.keys(files)]);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fallacy-watch-areas-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `fallacy-watch areas …` in-process and returns what it printed. */
const run = (...args: string[]) => runCli(['areas', ...args]);

const codeownersRepo = {
  '.github/CODEOWNERS': ['# owners', '*            @acme/core', '/esphome/components/api/  @Alice', '/docs/', 'README.md  not-an-owner'].join('\n'),
  'README.md': '# hi',
  'setup.py': '',
  'esphome/components/api/api.cpp': '',
  'esphome/components/api/api.h': '',
  'esphome/core/core.cpp': '',
  'docs/index.md': '',
  'docs/guide/start.md': '',
};

describe('fallacy-watch areas', () => {
  it('--json prints the areas@1 contract for a CODEOWNERS checkout', async () => {
    await checkout(codeownersRepo, { 'scratch/untracked.txt': 'x' });
    const output = JSON.parse(await run('--dir', dir, '--json'));
    expect(output).toEqual({
      schema: 'fallacy-watch/areas@1',
      source: 'codeowners',
      files: 8,
      owned: 6,
      coverage: 0.75,
      areas: [
        { area: '/', owners: ['@acme/core'], files: 4 },
        { area: 'esphome/components/api', owners: ['@alice'], files: 2 },
      ],
      unowned: ['docs/guide/start.md', 'docs/index.md'],
      errors: [{ file: '.github/CODEOWNERS', line: 5, message: "invalid owner format 'not-an-owner' at position 12" }],
    });
    expect(Object.keys(output)).toEqual(['schema', 'source', 'files', 'owned', 'coverage', 'areas', 'unowned', 'errors']);
  });

  it('--files adds every path with its owners and areas', async () => {
    await checkout(codeownersRepo);
    const output = JSON.parse(await run('--dir', dir, '--json', '--files'));
    expect(output.paths).toContainEqual({ path: 'esphome/components/api/api.h', owners: ['@alice'], areas: ['esphome/components/api'] });
    expect(output.paths).toContainEqual({ path: 'docs/index.md', owners: [], areas: [] });
    expect(output.paths).toHaveLength(8);
  });

  it('resolves nested OWNERS files with prow semantics and reads config areas and their errors', async () => {
    await checkout({
      OWNERS: 'approvers:\n- root-approver',
      OWNERS_ALIASES: 'aliases:\n  storage-approvers:\n  - Carol',
      'pkg/volume/OWNERS': 'approvers:\n- storage-approvers\nlabels:\n- sig/storage',
      'pkg/volume/csi/OWNERS': 'options:\n  no_parent_owners: true\napprovers:\n- erin',
      'pkg/volume/csi/driver.go': '',
      'pkg/volume/util.go': '',
      'cmd/main.go': '',
      'site/index.html': '',
      '.github/fallacy-watch.yml': 'areas:\n  - name: website\n    paths: ["/site/"]\n    owners: ["@web-team-lead"]\n  - name: bad\n    pathz: []\n',
    });
    const output = JSON.parse(await run('--dir', dir, '--json', '--files'));
    expect(output.source).toBe('config');
    expect(output.areas).toEqual([
      { area: '/', owners: ['@root-approver'], files: 4 },
      // The validator drops the unknown key (and reports it); the area stays, with no paths.
      { area: 'bad', owners: [], files: 0 },
      // csi has no labels of its own, so (prow's FindLabelsForFile) its files inherit pkg/volume's sig/storage.
      { area: 'sig/storage', owners: ['@carol'], files: 4 },
      { area: 'website', owners: ['@web-team-lead'], files: 1 },
    ]);
    const byPath = Object.fromEntries(output.paths.map((entry: { path: string }) => [entry.path, entry]));
    expect(byPath['pkg/volume/csi/driver.go']).toEqual({ path: 'pkg/volume/csi/driver.go', owners: ['@erin'], areas: ['sig/storage'] });
    expect(byPath['pkg/volume/util.go'].owners).toEqual(['@carol', '@root-approver']);
    expect(byPath['site/index.html'].areas).toEqual(['website']);
    expect(output.coverage).toBe(1);
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0]).toMatchObject({ file: '.github/fallacy-watch.yml', line: 6 });
  });

  it('prints a table without --json', async () => {
    await checkout(codeownersRepo);
    const table = await run('--dir', dir);
    expect(table).toContain('source: codeowners   files: 8   owned: 6   coverage: 75.00%');
    expect(table).toMatch(/esphome\/components\/api\s+2\s+@alice/);
    expect(table).toContain('unowned (2):\n  docs/guide/start.md\n  docs/index.md');
    expect(table).toContain(".github/CODEOWNERS:5: invalid owner format 'not-an-owner'");
  });

  it('falls back to top-level directories without area files', async () => {
    await checkout({ 'src/a.ts': '', 'src/b.ts': '', 'LICENSE': '' });
    const output = JSON.parse(await run('--dir', dir, '--json'));
    expect(output).toMatchObject({ source: 'directories', files: 3, owned: 0, coverage: 0 });
    expect(output.areas).toEqual([{ area: '/', owners: [], files: 1 }, { area: 'src', owners: [], files: 2 }]);
  });
});
