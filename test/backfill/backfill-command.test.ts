import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { resolveApiUrl } from '../../src/cli/commands/backfill.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { runCli } from '../helpers/run-cli.js';
import { useStrictNock } from '../helpers/strict-nock.js';
import { serveSimulator } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-backfill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fallacy-watch backfill', () => {
  useStrictNock();
  afterEach(() => vi.restoreAllMocks());
  // Token-only deliveries belong to installation 0, as the CLI backfill's records do.
  const deliveries = generateDeliveries({ pullRequests: 120, installationId: 0, start: new Date('2026-08-01T00:00:00Z') });
  const report = (database: string) =>
    runCli(['report', 'sample-org/sample-repo', '--json', '--to', '2026-09-15T00:00:00Z', '--database', database]);

  it('backfills from GitHub Enterprise Server with a token, and report then prints what replaying the webhooks would', async () => {
    const replayed = `sqlite:${join(dir, 'replayed.db')}`;
    const file = join(dir, 'deliveries.jsonl');
    writeFileSync(file, `${deliveries.map((d) => JSON.stringify(d)).join('\n')}\n`);
    await runCli(['replay', file, '--database', replayed]);

    const backfilled = `sqlite:${join(dir, 'backfilled.db')}`;
    const simulator = createGraphQLSimulator(buildGitHubModel(deliveries), { clock: { now: () => Date.now() } });
    // repository, milestones, releases, 2 PR pages with their files (100, then 20), 1 issue page — at GHES's endpoint
    serveSimulator(simulator, 8, undefined, 'https://ghe.example.com', '/api/graphql');
    const progress: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      progress.push(String(chunk));
      return true;
    });
    const out = await runCli([
      'backfill', 'sample-org/sample-repo', '--token', 'ghp_test', '--days', '365',
      '--api-url', 'https://ghe.example.com', '--database', backfilled, '--json',
    ]);
    expect(JSON.parse(out)).toMatchObject({
      repository: 'sample-org/sample-repo',
      items: { pullRequests: 120, issues: 60, milestones: 1, releases: 1 },
      queries: 8,
    });
    expect(progress.at(-1)).toMatch(/^sample-org\/sample-repo {2}issues {2}100% {2}items 182 {2}pages 5 {2}points \d+ {2}remaining \d+ {2}done\n$/);
    vi.mocked(process.stderr.write).mockRestore();

    expect(await report(backfilled)).toBe(await report(replayed));
  });

  it('refuses to run without a token (neither --token nor GITHUB_TOKEN)', async () => {
    const saved = process.env.GITHUB_TOKEN;
    delete process.env.GITHUB_TOKEN;
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(runCli(['backfill', 'sample-org/sample-repo', '--database', `sqlite:${join(dir, 'none.db')}`])).rejects.toThrow();
    } finally {
      if (saved !== undefined) process.env.GITHUB_TOKEN = saved;
    }
  });
});

describe('resolveApiUrl', () => {
  it.each([
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com/api/v3'],
    ['https://ghe.example.com', 'https://ghe.example.com/api/v3'],
  ])('%s → %s', (given, expected) => {
    expect(resolveApiUrl(given)).toBe(expected);
  });
});
