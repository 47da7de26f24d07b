import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Delivery } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-report-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Payload = Record<string, any>;
const START = '2026-03-01T00:00:00Z';
/** The store starts here: what an installation made that day receives (older PRs only through later deliveries). */
const INSTALLED = '2026-04-01T00:00:00Z';
const TO = '2026-06-15T00:00:00Z';

/**
 * The sample history with `author_association` as GitHub gives it at opening (the generator says CONTRIBUTOR for
 * everyone): MEMBER for maintainers, CONTRIBUTOR once the author has a merged PR, else FIRST_TIME_CONTRIBUTOR.
 */
function withAssociationsAtOpening(list: Delivery[]): Delivery[] {
  const merges: Array<{ author: string; at: string }> = [];
  for (const { name, payload } of list) {
    const pr = (payload as Payload).pull_request;
    if (name === 'pull_request' && pr?.merged_at) merges.push({ author: pr.user.login, at: pr.merged_at });
  }
  return list.map((delivery) => {
    const payload = delivery.payload as Payload;
    if (delivery.name !== 'pull_request' || payload.action !== 'opened') return delivery;
    const pr = payload.pull_request;
    const association = ['amara', 'bjorn', 'chen', 'dalia'].includes(pr.user.login)
      ? 'MEMBER'
      : merges.some((merge) => merge.author === pr.user.login && merge.at < pr.created_at)
        ? 'CONTRIBUTOR'
        : 'FIRST_TIME_CONTRIBUTOR';
    return { ...delivery, payload: { ...payload, pull_request: { ...pr, author_association: association } } };
  });
}

const deliveries = withAssociationsAtOpening(generateDeliveries({ pullRequests: 600, seed: 7, start: new Date(START) }));
const cutAt = deliveries.findIndex(
  ({ name, payload }) => name === 'pull_request' && (payload as Payload).action === 'opened' && (payload as Payload).pull_request.created_at >= INSTALLED,
);
const earliestByAuthor = new Map<string, number>();
for (const { name, payload } of deliveries) {
  const pr = (payload as Payload).pull_request;
  if (name === 'pull_request' && !earliestByAuthor.has(pr.user.login)) earliestByAuthor.set(pr.user.login, pr.number);
}

function write(file: string, list: readonly Delivery[]): string {
  writeFileSync(file, `${list.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}

describe('report --token: the first-PR searches the App makes, from the command line', () => {
  useStrictNock();
  const full = `sqlite:${join(dir, 'full.db')}`;
  const cut = `sqlite:${join(dir, 'cut.db')}`;
  const report = (database: string, ...extra: string[]) =>
    runCli(['report', 'sample-org/sample-repo', '--json', '--to', TO, '--database', database, ...extra]).then((out) => JSON.parse(out));

  it('turns "history too short" into the full history’s figure with one search per undecided author, kept for the next run', async () => {
    expect(cutAt).toBeGreaterThan(0);
    await runCli(['replay', write(join(dir, 'full.jsonl'), deliveries), '--database', full]);
    await runCli(['replay', write(join(dir, 'cut.jsonl'), deliveries.slice(cutAt)), '--database', cut]);
    const truth = (await report(full)).repo.metrics.first_time_contributors;
    expect(truth).toBeGreaterThan(0);
    // Without a token nothing is fetched: the cut history cannot tell, and says so.
    expect((await report(cut)).repo.metrics.first_time_contributors).toBeNull();

    const searched: string[] = [];
    nock('https://ghe.example.com')
      .get('/api/v3/search/issues')
      .query((query) => String(query.q).startsWith('repo:sample-org/sample-repo is:pr author:') && query.sort === 'created' && query.order === 'asc')
      .matchHeader('authorization', 'token ghp_test')
      .reply((uri) => {
        const author = /author%3A([^&]+)/.exec(uri)![1]!;
        searched.push(decodeURIComponent(author));
        const number = earliestByAuthor.get(decodeURIComponent(author));
        return [200, { total_count: number === undefined ? 0 : 1, incomplete_results: false, items: number === undefined ? [] : [{ number }] }];
      })
      .persist();
    // At most 20 searches a report (GitHub allows 30 a minute): the rest wait for the next run, the figure null till then.
    const token = ['--token', 'ghp_test', '--api-url', 'https://ghe.example.com'];
    const first = await report(cut, ...token);
    expect(searched).toHaveLength(20);
    expect(first.repo.metrics.first_time_contributors).toBeNull();
    // Each run searches 20 more, until every undecided author in the report's reach is known.
    let last = first;
    for (let runs = 1, before = -1; searched.length !== before && runs < 20; runs += 1) {
      before = searched.length;
      last = await report(cut, ...token);
    }
    expect(searched.length).toBeGreaterThan(20);
    expect(last.repo.metrics.first_time_contributors).toBe(truth);
    expect(new Set(searched).size).toBe(searched.length);
    nock.cleanAll();

    // The answers are kept: the next run asks nothing (any request would be unmatched), and prints the same figure.
    const again = await report(cut, '--token', 'ghp_test', '--api-url', 'https://ghe.example.com');
    expect(again.repo.metrics.first_time_contributors).toBe(truth);
    // A plain report now reads the kept answers too.
    expect((await report(cut)).repo.metrics.first_time_contributors).toBe(truth);
  }, 120_000);

  it('--token alone reads GITHUB_TOKEN, refuses when it is unset, does not apply to --org, and creates no store', async () => {
    const saved = process.env.GITHUB_TOKEN;
    delete process.env.GITHUB_TOKEN;
    try {
      await expect(runCli(['report', 'sample-org/sample-repo', '--token', '--database', cut])).rejects.toThrow(/GITHUB_TOKEN, which is not set/);
      await expect(runCli(['report', '--org', 'sample-org', '--token', 'x', '--database', cut])).rejects.toThrow(/does not apply to --org/);
      // A token does not make report create a store it was not given.
      await expect(runCli(['report', 'sample-org/sample-repo', '--token', 'x', '--database', `sqlite:${join(dir, 'absent.db')}`])).rejects.toThrow(/^no store at /);
    } finally {
      if (saved !== undefined) process.env.GITHUB_TOKEN = saved;
    }
  });
});
