import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../src/github/client.js';
import { normalizeDelivery } from '../../src/ingest/normalize/normalize-delivery.js';
import { emptyBatch, type RecordBatch } from '../../src/ingest/record-batch.js';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import { createWindow } from '../../src/metrics/metric-options.js';
import { loadReportActivity } from '../../src/report/load-report-activity.js';
import { isFirstContribution } from '../../src/publish/is-first-contribution.js';
import { loadReportActivityWithFirstPullRequests } from '../../src/report/look-up-first-pull-requests.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import type { Delivery, Store } from '../../src/store/store.js';
import { TEST_BACKENDS } from '../helpers/stores.js';

/**
 * Issue 18: a history cut at an import horizon gives the full-history first-time-contributor count, or `null`
 * ("history too short"), never more. The history is a generated one (seeded, ~7 months, 1,000 PRs by maintainers,
 * six regulars, a bot and many newcomers) with `author_association` as GitHub gives it at opening: MEMBER for
 * maintainers, CONTRIBUTOR once the author has a merged PR, else FIRST_TIME_CONTRIBUTOR. The cut store holds what an
 * installation made on `INSTALLED` receives: every delivery from then on (so PRs opened before it appear only
 * through their later deliveries, without their opening).
 */
const MAINTAINERS = new Set(['amara', 'bjorn', 'chen', 'dalia']);
const INSTALLED = '2026-04-01T00:00:00Z';
const REPO_ID = 100_001;

type Payload = Record<string, any>;

function withAssociationsAtOpening(deliveries: Delivery[]): Delivery[] {
  const mergedAt = new Map<number, { author: string; at: string }>();
  for (const { name, payload } of deliveries) {
    const pr = (payload as Payload).pull_request;
    if (name === 'pull_request' && pr?.merged_at) mergedAt.set(pr.number, { author: pr.user.login, at: pr.merged_at });
  }
  const associationAt = (author: string, createdAt: string) => {
    if (MAINTAINERS.has(author)) return 'MEMBER';
    if (author.endsWith('[bot]')) return 'NONE';
    return [...mergedAt.values()].some((merge) => merge.author === author && merge.at < createdAt) ? 'CONTRIBUTOR' : 'FIRST_TIME_CONTRIBUTOR';
  };
  return deliveries.map((delivery) => {
    const payload = delivery.payload as Payload;
    if (delivery.name !== 'pull_request' || payload.action !== 'opened') return delivery;
    const pr = payload.pull_request;
    return { ...delivery, payload: { ...payload, pull_request: { ...pr, author_association: associationAt(pr.user.login, pr.created_at) } } };
  });
}

const deliveries = withAssociationsAtOpening(generateDeliveries({ pullRequests: 1000, seed: 23, start: new Date('2026-03-01T00:00:00Z') }));
const cutAt = deliveries.findIndex(
  ({ name, payload }) => name === 'pull_request' && (payload as Payload).action === 'opened' && (payload as Payload).pull_request.created_at >= INSTALLED,
);
const afterInstall = deliveries.slice(cutAt);

/** Every PR's number by author, from the full history: what GitHub's search answers. */
const earliestByAuthor = new Map<string, number>();
for (const { name, payload } of deliveries) {
  const pr = (payload as Payload).pull_request;
  if (name === 'pull_request' && !earliestByAuthor.has(pr.user.login)) earliestByAuthor.set(pr.user.login, pr.number);
}
function fakeSearch(): { octokit: GitHubClient; queries: string[] } {
  const queries: string[] = [];
  const octokit = {
    rest: {
      search: {
        issuesAndPullRequests: async ({ q }: { q: string }) => {
          queries.push(q);
          const author = /author:(\S+)/.exec(q)![1]!;
          const number = earliestByAuthor.get(author);
          return { data: { items: number === undefined ? [] : [{ number }] } };
        },
      },
    },
  };
  return { octokit: octokit as unknown as GitHubClient, queries };
}

async function ingest(store: Store, list: readonly Delivery[]): Promise<void> {
  const batch: RecordBatch = emptyBatch(1);
  for (const { name, payload } of list) {
    const normalized = normalizeDelivery(name, payload);
    if (normalized.type !== 'records') continue;
    for (const key of Object.keys(batch) as Array<keyof RecordBatch>) {
      if (key !== 'installationId') (batch[key] as unknown[]).push(...(normalized.batch[key] as unknown[]));
    }
  }
  await store.applyBatch(batch);
}

const NEWCOMER_METRICS = ['first_time_contributors', 'returning_contributor_rate_90d', 'newcomer_pr_time_to_first_response_hours', 'abandoned_first_prs'] as const;
/** Windows ending well after the installation (cohort windows included) and one whose window straddles it. */
const WINDOW_ENDS = ['2026-04-20T00:00:00Z', '2026-04-29T00:00:00Z', '2026-05-10T00:00:00Z', '2026-08-15T00:00:00Z', '2026-09-01T00:00:00Z', '2026-09-20T00:00:00Z'];

async function figures(store: Store, to: string, octokit?: GitHubClient) {
  const window = createWindow(new Date(to));
  const activity = octokit
    ? await loadReportActivityWithFirstPullRequests({ store, octokit, target: { installationId: 1, repoId: REPO_ID, owner: 'sample-org', repo: 'sample-repo' }, window, now: new Date(to), log: { warn: () => {} }, maxSearches: 1000 })
    : await loadReportActivity(store, 1, REPO_ID, window);
  const metrics = computeMetricSet(activity!, { window });
  return Object.fromEntries(NEWCOMER_METRICS.map((name) => [name, metrics[name]]));
}

describe.each(TEST_BACKENDS)('first-time contributors at an import horizon ($name)', (backend) => {
  it('gives the full history’s figures, or null, never more; one search per unknown author gives them all', async () => {
    const full = await backend.open();
    const cut = await backend.open();
    try {
      await ingest(full.store, deliveries);
      await ingest(cut.store, afterInstall);

      // The trap: counting authors by their first *stored* PR, the cut history has more first-timers than there are.
      const firstOpenedIn = async (store: Store, from: string, to: string) => {
        const first = new Map<string, string>();
        const { pullRequests } = (await store.loadActivity(1, REPO_ID))!;
        for (const pr of [...pullRequests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number)) {
          if (!pr.author.endsWith('[bot]') && !first.has(pr.author)) first.set(pr.author, pr.createdAt);
        }
        return [...first.values()].filter((at) => at >= from && at < to).length;
      };
      const [naive, truth] = [await firstOpenedIn(cut.store, INSTALLED, '2026-04-29T00:00:00Z'), await firstOpenedIn(full.store, INSTALLED, '2026-04-29T00:00:00Z')];
      expect(naive).toBeGreaterThan(truth);

      const expectedAt = new Map<string, Awaited<ReturnType<typeof figures>>>();
      let nulls = 0;
      for (const to of WINDOW_ENDS) {
        const expected = await figures(full.store, to);
        expectedAt.set(to, expected);
        // The full history is gap-free from #1: every figure is known.
        for (const name of NEWCOMER_METRICS) expect(expected[name], `${name} (full) at ${to}`).not.toBeNull();
        const fromCut = await figures(cut.store, to);
        for (const name of NEWCOMER_METRICS) {
          if (fromCut[name] === null) nulls += 1;
          else expect(fromCut[name], `${name} (cut) at ${to}`).toEqual(expected[name]);
        }
      }
      // The PR check names its PR's author (`firstAuthor`): with room for one search, that author is the one searched.
      const lastEnd = WINDOW_ENDS.at(-1)!;
      const { pullRequests: stored } = (await cut.store.loadActivity(1, REPO_ID))!;
      const latestNewcomer = [...stored]
        .filter((pr) => pr.openedAuthorAssociation === 'FIRST_TIME_CONTRIBUTOR' && pr.createdAt < lastEnd)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .at(-1)!.author;
      const probe = fakeSearch();
      await loadReportActivityWithFirstPullRequests({
        store: cut.store,
        octokit: probe.octokit,
        target: { installationId: 1, repoId: REPO_ID, owner: 'sample-org', repo: 'sample-repo' },
        window: createWindow(new Date(lastEnd)),
        now: new Date(lastEnd),
        log: { warn: () => {} },
        maxSearches: 1,
        firstAuthor: latestNewcomer.toUpperCase(),
      });
      expect(probe.queries).toEqual([expect.stringMatching(new RegExp(`author:${latestNewcomer}$`))]);

      const { octokit, queries } = fakeSearch();
      for (const to of WINDOW_ENDS) {
        const expected = expectedAt.get(to)!;
        const searched = await figures(cut.store, to, octokit);
        const windowAfterInstall = Date.parse(to) - 28 * 86_400_000 >= Date.parse(INSTALLED);
        const cohortAfterInstall = Date.parse(to) - (28 + 90) * 86_400_000 >= Date.parse(INSTALLED);
        for (const name of NEWCOMER_METRICS) {
          const known = name === 'returning_contributor_rate_90d' ? cohortAfterInstall : windowAfterInstall;
          // Windows reaching before the installation stay null: PRs opened before it may be missing.
          if (known) expect(searched[name], `${name} (cut, searched) at ${to}`).toEqual(expected[name]);
          else expect(searched[name], `${name} (cut, searched) at ${to}`).toBeNull();
        }
      }
      // The welcome comment follows the same rule: with the searches answered, it welcomes exactly the PRs opened since
      // the installation that are their author's first in the full history (MEMBERs' first PRs too), and no other.
      const last = WINDOW_ENDS.at(-1)!;
      const activity = (await loadReportActivityWithFirstPullRequests({
        store: cut.store,
        octokit,
        target: { installationId: 1, repoId: REPO_ID, owner: 'sample-org', repo: 'sample-repo' },
        window: createWindow(new Date(last)),
        now: new Date(last),
        log: { warn: () => {} },
        maxSearches: 1000,
      }))!;
      const opened = activity.pullRequests.filter((pr) => !pr.author.endsWith('[bot]') && pr.createdAt >= INSTALLED && pr.openedAuthorAssociation);
      expect(opened.length).toBeGreaterThan(0);
      let welcomed = 0;
      for (const pr of opened) {
        const first = isFirstContribution({ number: pr.number, author: pr.author, authorAssociation: pr.authorAssociation }, activity);
        expect(first, `#${pr.number} by ${pr.author} (${pr.openedAuthorAssociation})`).toBe(earliestByAuthor.get(pr.author) === pr.number);
        if (first) welcomed += 1;
      }
      expect(welcomed).toBeGreaterThan(0);
      // Without searches the cut history cannot tell about every window; it says so instead of guessing.
      expect(nulls).toBeGreaterThan(0);
      // One search per author, kept: asking again searches nobody.
      expect(new Set(queries).size).toBe(queries.length);
      const before = queries.length;
      await figures(cut.store, WINDOW_ENDS.at(-1)!, octokit);
      expect(queries.length).toBe(before);
      // Veterans told apart by CONTRIBUTOR at their first stored PR's opening are not searched for.
      const { pullRequests } = (await cut.store.loadActivity(1, REPO_ID))!;
      const firstStored = new Map<string, (typeof pullRequests)[number]>();
      for (const pr of [...pullRequests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number)) {
        if (!firstStored.has(pr.author)) firstStored.set(pr.author, pr);
      }
      const veterans = [...firstStored.values()].filter((pr) => pr.openedAuthorAssociation === 'CONTRIBUTOR').map((pr) => pr.author);
      expect(veterans.length).toBeGreaterThan(0);
      for (const veteran of veterans) expect(queries.some((q) => q.endsWith(`author:${veteran}`))).toBe(false);
    } finally {
      await full.drop();
      await cut.drop();
    }
  }, 240_000);
});
