import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../src/github/client.js';
import { normalizeDelivery } from '../../src/ingest/normalize/normalize-delivery.js';
import { emptyBatch, type RecordBatch } from '../../src/ingest/record-batch.js';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import { createWindow } from '../../src/metrics/metric-options.js';
import { loadReportActivity } from '../../src/report/load-report-activity.js';
import { loadReportActivityWithFirstPullRequests } from '../../src/report/look-up-first-pull-requests.js';
import { type ListedPullRequest, pullRequestListToDeliveries } from '../../src/sample/pull-request-list-deliveries.js';
import type { Delivery, Store } from '../../src/store/store.js';
import { TEST_BACKENDS } from '../helpers/stores.js';

/**
 * Issue 18 on a PR list, as PR-list exports of real projects give it (author, creation, merge, approvers,
 * commenters), converted by `pullRequestListToDeliveries`: the list replayed whole, and only from an import horizon
 * on, with and without GitHub's `author_association` at opening. The list is invented but holds the shapes that real
 * histories showed: a veteran whose earlier PRs predate the horizon, PRs opened before it and merged after (stored
 * without their opening), and an author whose first PR was closed unmerged before the horizon, so GitHub still calls
 * their next PR `FIRST_TIME_CONTRIBUTOR` although it is not their first.
 */
const REPO = { id: 300_001, fullName: 'list-org/list-repo' };
const HORIZON = '2026-04-01T00:00:00Z';
const MEMBERS = new Set(['mara', 'tomas']);
const DAY = 86_400_000;

function buildList(): ListedPullRequest[] {
  const list: ListedPullRequest[] = [];
  const at = (day: number, hours = 0) => new Date(Date.parse('2026-01-05T09:00:00Z') + day * DAY + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
  const add = (day: number, author: string, options: { merged?: boolean; mergeAfterDays?: number; commenters?: string[] } = {}) => {
    const merged = options.merged ?? true;
    const end = at(day + (options.mergeAfterDays ?? 1), 2);
    list.push({
      number: 0, // numbered below, in creation order
      author,
      createdAt: at(day),
      mergedAt: merged ? end : null,
      closedAt: merged ? null : end,
      approvers: merged && !MEMBERS.has(author) ? ['mara'] : merged ? ['tomas'] : [],
      commenters: options.commenters ?? (MEMBERS.has(author) ? [] : ['tomas']),
    });
  };
  for (let day = 0; day < 175; day += 4) add(day, day % 8 === 0 ? 'mara' : 'tomas');
  // Regulars from before the horizon who come back after it.
  for (const [day, author] of [[6, 'vera'], [30, 'vera'], [41, 'wen'], [100, 'vera'], [112, 'wen'], [130, 'wen']] as const) add(day + 1, author);
  // Opened before the horizon, merged after it: stored without their opening.
  add(80, 'pending-pat', { mergeAfterDays: 20 });
  add(84, 'slow-sam', { mergeAfterDays: 30 });
  add(118, 'slow-sam');
  // First PR closed unmerged before the horizon; the next one is opened as FIRST_TIME_CONTRIBUTOR yet is not the first.
  add(50, 'rui', { merged: false });
  add(104, 'rui');
  // Newcomers after the horizon, some returning.
  for (const [day, author] of [[89, 'nia'], [95, 'omar'], [97, 'nia'], [107, 'pilar'], [121, 'quinn'], [135, 'omar'], [140, 'sol'], [150, 'tariq'], [158, 'sol']] as const) {
    add(day + 2, author, { commenters: ['mara', 'tomas'] });
  }
  // Numbered in creation order from #3, with gaps (the numbers between are issues).
  return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((pr, i) => ({ ...pr, number: 3 + i * 3 + (i % 2) }));
}

const list = buildList();
const convert = (associations: 'none' | 'at-opening', from?: string) =>
  pullRequestListToDeliveries(list, { repository: REPO, associations, members: MEMBERS, fallbackMerger: 'mara', ...(from ? { from } : {}) });

const earliestByAuthor = new Map<string, number>();
for (const pr of [...list].sort((a, b) => a.number - b.number)) if (!earliestByAuthor.has(pr.author)) earliestByAuthor.set(pr.author, pr.number);
function fakeSearch(): GitHubClient {
  const search = async ({ q }: { q: string }) => {
    const number = earliestByAuthor.get(/author:(\S+)/.exec(q)![1]!);
    return { data: { items: number === undefined ? [] : [{ number }] } };
  };
  return { rest: { search: { issuesAndPullRequests: search } } } as unknown as GitHubClient;
}

async function ingest(store: Store, deliveries: readonly Delivery[]): Promise<void> {
  const batch: RecordBatch = emptyBatch(1);
  for (const { name, payload } of deliveries) {
    const normalized = normalizeDelivery(name, payload);
    if (normalized.type !== 'records') throw new Error(`${name} was not normalized: ${normalized.type}`);
    for (const key of Object.keys(batch) as Array<keyof RecordBatch>) {
      if (key !== 'installationId') (batch[key] as unknown[]).push(...(normalized.batch[key] as unknown[]));
    }
  }
  await store.applyBatch(batch);
}

const NEWCOMER_METRICS = ['first_time_contributors', 'returning_contributor_rate_90d', 'newcomer_pr_time_to_first_response_hours', 'abandoned_first_prs'] as const;

async function figures(store: Store, to: string, octokit?: GitHubClient) {
  const window = createWindow(new Date(to));
  const activity = octokit
    ? await loadReportActivityWithFirstPullRequests({ store, octokit, target: { installationId: 1, repoId: REPO.id, owner: 'list-org', repo: 'list-repo' }, window, now: new Date(to), log: { warn: () => {} }, maxSearches: 100 })
    : await loadReportActivity(store, 1, REPO.id, window);
  const metrics = computeMetricSet(activity!, { window });
  return Object.fromEntries(NEWCOMER_METRICS.map((name) => [name, metrics[name]]));
}

describe('pullRequestListToDeliveries', () => {
  it('fills the numbers between PRs with issues and cuts at the horizon as an installation would receive it', () => {
    const full = convert('at-opening');
    const cut = convert('at-opening', HORIZON);
    const numbers = new Set(full.flatMap(({ payload }) => [(payload as any).pull_request?.number, (payload as any).issue?.number]).filter((n) => n !== undefined));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: Math.max(...numbers) }, (_, i) => i + 1));
    const opened = (deliveries: Delivery[], author: string) =>
      deliveries.filter(({ name, payload }) => name === 'pull_request' && (payload as any).action === 'opened' && (payload as any).pull_request.user.login === author);
    // pending-pat's only PR was opened before the horizon: the cut holds its merge, not its opening.
    expect(opened(cut, 'pending-pat')).toEqual([]);
    expect(cut.some(({ name, payload }) => name === 'pull_request' && (payload as any).pull_request.user.login === 'pending-pat')).toBe(true);
    // Associations at opening as GitHub gives them: rui's second PR is still a "first-time contributor"'s.
    const association = (author: string) => opened(full, author).map(({ payload }) => (payload as any).pull_request.author_association);
    expect(association('rui')).toEqual(['FIRST_TIME_CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR']);
    expect(association('vera')).toEqual(['FIRST_TIME_CONTRIBUTOR', 'CONTRIBUTOR', 'CONTRIBUTOR']);
    expect(association('mara').every((value) => value === 'MEMBER')).toBe(true);
    expect(opened(convert('none'), 'vera').every(({ payload }) => (payload as any).pull_request.author_association === undefined)).toBe(true);
  });
});

describe.each(TEST_BACKENDS)('first-time contributors from a PR list cut at an import horizon ($name)', (backend) => {
  it('gives the whole list’s figures or null, never more; with searches, the whole list’s figures', async () => {
    const full = await backend.open();
    const cuts = { none: await backend.open(), 'at-opening': await backend.open() };
    try {
      await ingest(full.store, convert('at-opening'));
      for (const associations of ['none', 'at-opening'] as const) await ingest(cuts[associations].store, convert(associations, HORIZON));
      const ends: string[] = [];
      for (let t = Date.parse(HORIZON) + 14 * DAY; t <= Date.parse('2026-06-30T00:00:00Z'); t += 7 * DAY) ends.push(new Date(t).toISOString());
      let nulls = 0;
      let known = 0;
      let veteransAsNewcomers = 0;
      for (const to of ends) {
        const expected = await figures(full.store, to);
        for (const name of NEWCOMER_METRICS) expect(expected[name], `${name} (full) at ${to}`).not.toBeNull();
        for (const associations of ['none', 'at-opening'] as const) {
          const fromCut = await figures(cuts[associations].store, to);
          for (const name of NEWCOMER_METRICS) {
            if (fromCut[name] === null) nulls += 1;
            else expect(fromCut[name], `${name} (cut, ${associations}) at ${to}`).toEqual(expected[name]);
          }
        }
        // What counting by first stored PR would give: more first-timers than there are.
        const { pullRequests } = (await cuts.none.store.loadActivity(1, REPO.id))!;
        const firstStored = new Map<string, string>();
        for (const pr of [...pullRequests].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) if (!firstStored.has(pr.author)) firstStored.set(pr.author, pr.createdAt);
        const from = new Date(Date.parse(to) - 28 * DAY).toISOString();
        const naive = [...firstStored.values()].filter((at) => at >= from && at < to).length;
        if (naive > (expected.first_time_contributors as number)) veteransAsNewcomers += 1;
      }
      expect(veteransAsNewcomers).toBeGreaterThan(0);
      expect(nulls).toBeGreaterThan(0);
      // With GitHub's answers, every window that starts after the cut store holds every PR is known, and right.
      const octokit = fakeSearch();
      for (const to of ends) {
        const expected = await figures(full.store, to);
        for (const associations of ['none', 'at-opening'] as const) {
          const searched = await figures(cuts[associations].store, to, octokit);
          for (const name of NEWCOMER_METRICS) {
            if (searched[name] === null) continue;
            known += 1;
            expect(searched[name], `${name} (cut, ${associations}, searched) at ${to}`).toEqual(expected[name]);
          }
          if (Date.parse(to) - 28 * DAY >= Date.parse('2026-04-10T00:00:00Z')) {
            expect(searched.first_time_contributors, `first_time_contributors (cut, ${associations}, searched) at ${to}`).toEqual(expected.first_time_contributors);
          }
        }
      }
      expect(known).toBeGreaterThan(0);
    } finally {
      await full.drop();
      await cuts.none.drop();
      await cuts['at-opening'].drop();
    }
  }, 240_000);
});
