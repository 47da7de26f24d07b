import { describe, expect, it } from 'vitest';
import { type ActivityKind, type EarliestPullRequestsQuestion, forEachActivity, type HistoryQuestions } from '../../src/core/history-questions.js';
import type { RepositoryActivity } from '../../src/core/records.js';
import { ingestDelivery, processPendingDeliveries } from '../../src/ingest/ingest-delivery.js';
import { emptyBatch } from '../../src/ingest/record-batch.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { seededRandom } from '../../src/sample/seeded-random.js';
import type { Delivery, Store } from '../../src/store/store.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';
import { silentLog } from '../helpers/silent-log.js';

const REPO_ID = 100_001;
const NOW = new Date('2026-11-01T00:00:00Z');

async function ingestAll(store: Store, deliveries: Delivery[]) {
  const counts = { new: 0, duplicate: 0, skipped: 0, failed: 0 };
  for (const delivery of deliveries) counts[(await ingestDelivery(store, delivery, silentLog, NOW)).outcome] += 1;
  return counts;
}

/** The activity kinds and earliest PRs a question names (the report's are the metrics': src/metrics/history-definitions.ts). */
const EVERY_ACTIVITY: ActivityKind[] = [
  { records: 'reviews', at: 'submittedAt', exceptStates: ['PENDING'] },
  { records: 'comments', at: 'createdAt' },
  { records: 'pullRequests', at: 'createdAt' },
];
const FIRST_TWO: EarliestPullRequestsQuestion = { perAuthor: 2, includeDrafts: true };

function historyQuestions(
  ranges: ReadonlyArray<{ from: string; to: string }>,
  kinds: readonly ActivityKind[] = EVERY_ACTIVITY,
  earliestPullRequests: EarliestPullRequestsQuestion = FIRST_TWO,
): HistoryQuestions {
  return { activity: { kinds, ranges }, earliestPullRequests };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Deliveries with fresh ids: the same content arriving as new deliveries (GitHub redelivers with the same id). */
function withFreshIds(deliveries: Delivery[], prefix: string): Delivery[] {
  return deliveries.map((d) => ({ ...d, id: `${prefix}-${d.id}` }));
}

describe.each(TEST_BACKENDS)('store contract on $name', (backend) => {
  let store: Store;
  useFreshStore(backend, (fresh) => {
    store = fresh;
  });

  it('migrates idempotently', async () => {
    await store.migrate();
    await store.migrate();
    expect(await store.listRepositories(1)).toEqual([]);
  });

  it('records a delivery once and reports later copies as duplicates', async () => {
    const delivery = { id: 'd-1', name: 'ping', payload: { zen: 'Keep it simple' } };
    expect(await store.recordDelivery(delivery, NOW.toISOString())).toEqual({ outcome: 'new' });
    expect(await store.recordDelivery(delivery, NOW.toISOString())).toEqual({ outcome: 'duplicate', status: 'pending' });
    expect((await store.listPendingDeliveries(10)).map((d) => d.id)).toEqual(['d-1']);
    await store.finishDelivery('d-1', 'skipped', 'not subscribed');
    expect(await store.listPendingDeliveries(10)).toEqual([]);
    expect(await store.getDelivery('d-1')).toMatchObject({ status: 'skipped', error: 'not subscribed', payload: null });
  });

  it('stores the records of a realistic stream and reads them back', async () => {
    const deliveries = generateDeliveries({ pullRequests: 40 });
    const counts = await ingestAll(store, deliveries);
    expect(counts).toEqual({ new: deliveries.length, duplicate: 0, skipped: 0, failed: 0 });
    const activity = (await store.loadActivity(1, REPO_ID))!;
    expect(activity.repository).toEqual({
      installationId: 1,
      repoId: REPO_ID,
      fullName: 'sample-org/sample-repo',
      defaultBranch: 'main',
      private: false,
      archived: false,
      fork: false,
    });
    expect(activity.pullRequests).toHaveLength(40);
    const merged = activity.pullRequests.filter((pr) => pr.mergedAt !== null);
    expect(merged.length).toBeGreaterThan(10);
    // Sizes survive later review payloads, which carry a PR without them.
    expect(activity.pullRequests.every((pr) => pr.additions !== null)).toBe(true);
    expect(merged.every((pr) => pr.mergedBy !== null && pr.state === 'closed')).toBe(true);
    expect(activity.reviews.length).toBeGreaterThan(20);
    expect(activity.events.some((e) => e.kind === 'review_requested' && e.subjectType === 'user')).toBe(true);
    expect(activity.issues).toHaveLength(20);
    expect(activity.milestones.map((m) => m.title)).toEqual(['v1.0']);
    expect(activity.releases.map((r) => r.assetNames)).toEqual([['sample.tar.gz', 'sample.tar.gz.sha256']]);
    const closedIssue = activity.issues.find((i) => i.state === 'closed');
    expect(closedIssue?.closedBy).toMatch(/^(amara|bjorn|chen|dalia)$/);
  });

  it('keeps the earliest first-seen time of each contributor', async () => {
    await ingestAll(store, generateDeliveries({ pullRequests: 30 }));
    const activity = (await store.loadActivity(1, REPO_ID))!;
    for (const contributor of activity.contributors) {
      const authored = activity.pullRequests.filter((pr) => pr.author === contributor.login).map((pr) => pr.createdAt);
      for (const createdAt of authored) expect(contributor.firstSeenAt <= createdAt).toBe(true);
    }
    expect(activity.contributors.find((c) => c.login === 'dependabot[bot]')?.type).toBe('Bot');
  });

  it('ends in the same state whatever the order and however often deliveries arrive', async () => {
    const deliveries = generateDeliveries({ pullRequests: 30, seed: 7 });
    await ingestAll(store, deliveries);
    const inOrder = await store.loadActivity(1, REPO_ID);
    await ingestAll(store, deliveries);
    await ingestAll(store, deliveries);
    expect(await store.loadActivity(1, REPO_ID)).toEqual(inOrder);

    const { store: other, drop: dropOther } = await backend.open();
    try {
      await ingestAll(other, withFreshIds(shuffled(deliveries, 1), 'a'));
      await ingestAll(other, withFreshIds(shuffled(deliveries, 2), 'b'));
      expect(await other.loadActivity(1, REPO_ID)).toEqual(inOrder);
    } finally {
      await dropOther();
    }
  });

  it('keeps deleted comments, issues and releases deleted, even when the deletion arrives first', async () => {
    const [created] = generateDeliveries({ pullRequests: 4 }).filter((d) => d.name === 'issue_comment');
    const payload = created!.payload as Record<string, any>;
    const deleted: Delivery = { id: 'del-1', name: 'issue_comment', payload: { ...payload, action: 'deleted' } };
    await ingestAll(store, [deleted, created!]);
    const activity = (await store.loadActivity(1, REPO_ID))!;
    expect(activity.comments.find((c) => c.id === payload.comment.id)).toBeUndefined();

    const release = generateDeliveries({ pullRequests: 1 }).find((d) => d.name === 'release')!;
    await ingestAll(store, [release, { ...release, id: 'del-2', payload: { ...(release.payload as object), action: 'deleted' } }]);
    expect((await store.loadActivity(1, REPO_ID))!.releases).toEqual([]);
  });

  it('keeps a comment’s slash commands, never its body, and an edit to prose makes it an ordinary comment again', async () => {
    const [created] = generateDeliveries({ pullRequests: 4 }).filter((d) => d.name === 'issue_comment');
    const payload = created!.payload as Record<string, any>;
    const command = { ...payload, comment: { ...payload.comment, body: '/retest\n/LGTM' } };
    await ingestAll(store, [{ id: 'cmd-1', name: 'issue_comment', payload: command }]);
    const stored = (await store.loadActivity(1, REPO_ID))!.comments.find((c) => c.id === payload.comment.id)!;
    expect(stored.commands).toEqual(['retest', 'lgtm']);
    expect(JSON.stringify(stored)).not.toContain('/retest');

    const later = new Date(Date.parse(payload.comment.updated_at) + 60_000).toISOString();
    const edited = { ...payload, action: 'edited', comment: { ...payload.comment, body: 'Actually, thanks!', updated_at: later } };
    await ingestAll(store, [{ id: 'cmd-2', name: 'issue_comment', payload: edited }]);
    expect((await store.loadActivity(1, REPO_ID))!.comments.find((c) => c.id === payload.comment.id)!.commands).toEqual([]);
  });

  it('never shows one installation the rows of another, and purges on uninstall', async () => {
    const deliveries = generateDeliveries({ pullRequests: 10, installationId: 1 });
    const otherInstallation = withFreshIds(generateDeliveries({ pullRequests: 6, installationId: 2, seed: 9 }), 'x');
    await ingestAll(store, [...deliveries, ...otherInstallation]);
    const first = (await store.loadActivity(1, REPO_ID))!;
    const second = (await store.loadActivity(2, REPO_ID))!;
    expect(first.pullRequests).toHaveLength(10);
    expect(second.pullRequests).toHaveLength(6);
    expect(await store.loadActivity(3, REPO_ID)).toBeUndefined();
    expect((await store.findRepositories('Sample-Org/Sample-Repo')).map((r) => r.installationId)).toEqual([1, 2]);
    expect((await store.findRepositoriesOfOwner('SAMPLE-ORG')).map((r) => [r.installationId, r.fullName])).toEqual([
      [1, 'sample-org/sample-repo'],
      [2, 'sample-org/sample-repo'],
    ]);
    // An owner whose name another owner's begins with is a different owner.
    expect(await store.findRepositoriesOfOwner('sample')).toEqual([]);

    const uninstall = { id: 'uninstall-1', name: 'installation', payload: { action: 'deleted', installation: { id: 1 } } };
    expect(await ingestAll(store, [uninstall])).toMatchObject({ new: 1 });
    expect(await store.loadActivity(1, REPO_ID)).toBeUndefined();
    expect(await store.listRepositories(1)).toEqual([]);
    expect((await store.getDelivery(deliveries[0]!.id))?.payload).toBeNull();
    expect(await store.loadActivity(2, REPO_ID)).toEqual(second);
    // A redelivery of an old delivery of the purged installation changes nothing.
    expect(await ingestAll(store, [deliveries[1]!])).toMatchObject({ duplicate: 1 });
    expect(await store.loadActivity(1, REPO_ID)).toBeUndefined();
  });

  it('purges repositories removed from an installation', async () => {
    await ingestAll(store, generateDeliveries({ pullRequests: 5 }));
    const removed = {
      id: 'rm-1',
      name: 'installation_repositories',
      payload: { action: 'removed', installation: { id: 1 }, repositories_added: [], repositories_removed: [{ id: REPO_ID, full_name: 'sample-org/sample-repo' }] },
    };
    await ingestAll(store, [removed]);
    expect(await store.loadActivity(1, REPO_ID)).toBeUndefined();
  });

  it('remembers a removed repository: late deliveries store nothing of it, other repositories go on, adding it back makes it live', async () => {
    const OTHER = 100_002;
    const [early, ...late] = generateDeliveries({ pullRequests: 4 });
    const other = generateDeliveries({ pullRequests: 2, seed: 7, repository: { id: OTHER, fullName: 'sample-org/other-repo' } }).map((d) => ({ ...d, id: `other-${d.id}` }));
    const failedEarly = { ...late[0]!, id: 'failed-early', payload: { ...(late[0]!.payload as object), action: 'opened', pull_request: { number: 'x' } } };
    await ingestAll(store, [early!, failedEarly, ...other]);
    expect((await store.getDelivery('failed-early'))?.payload).not.toBeNull();
    const membership = (action: 'added' | 'removed', id: string) => ({
      id,
      name: 'installation_repositories',
      payload: {
        action,
        installation: { id: 1 },
        repositories_added: action === 'added' ? [{ id: REPO_ID, full_name: 'sample-org/sample-repo' }] : [],
        repositories_removed: action === 'removed' ? [{ id: REPO_ID, full_name: 'sample-org/sample-repo' }] : [],
      },
    });

    expect(await ingestAll(store, [membership('removed', 'rm-1')])).toMatchObject({ new: 1 });
    expect(await store.loadActivity(1, REPO_ID)).toBeUndefined();
    // A kept payload of the removed repository (a failed delivery's, for diagnosis) is blanked like an uninstall's.
    expect((await store.getDelivery('failed-early'))?.payload).toBeNull();
    expect(await ingestAll(store, late)).toMatchObject({ new: 0, skipped: late.length });
    expect((await store.getDelivery(late[0]!.id))?.error).toMatch(/removed from installation 1/);
    await store.savePullRequestFiles(1, REPO_ID, 1, 'abc', ['README.md']);
    await store.saveAuthorFirstPullRequests(1, REPO_ID, [{ author: 'someone', firstNumber: 1, lookedUpAt: NOW.toISOString() }]);
    // A batch naming the removed repository and another (a backfill, an installation payload) keeps only the other's.
    const both = await store.applyBatch({
      ...emptyBatch(1),
      repositories: [
        { installationId: 1, repoId: REPO_ID, fullName: 'sample-org/sample-repo', defaultBranch: 'main', private: false },
        { installationId: 1, repoId: OTHER, fullName: 'sample-org/other-repo', defaultBranch: 'main', private: false },
      ],
    });
    expect(both).toEqual({});
    expect(await store.loadActivity(1, REPO_ID)).toBeUndefined();
    expect(await store.loadPullRequestFileHeads(1, REPO_ID, [1])).toEqual(new Map());
    expect((await store.listRepositories(1)).map((r) => r.repoId)).toEqual([OTHER]);
    expect((await store.loadActivity(1, OTHER))!.pullRequests).toHaveLength(2);

    expect(await ingestAll(store, [membership('added', 'add-1')])).toMatchObject({ new: 1 });
    expect(await ingestAll(store, withFreshIds(late, 'again'))).toMatchObject({ new: late.length });
    expect((await store.loadActivity(1, REPO_ID))!.pullRequests.length).toBeGreaterThan(0);
    await store.savePullRequestFiles(1, REPO_ID, 1, 'abc', ['README.md']);
    expect(await store.loadPullRequestFileHeads(1, REPO_ID, [1])).toEqual(new Map([[1, 'abc']]));
  });

  it('skips a malformed payload, records why, and keeps going', async () => {
    const [opened] = generateDeliveries({ pullRequests: 1 });
    const broken: Delivery = {
      id: 'broken-1',
      name: 'pull_request',
      payload: { ...(opened!.payload as object), action: 'opened', pull_request: { number: 'seven' } },
    };
    expect(await ingestAll(store, [broken, opened!, { id: 'u-1', name: 'fork', payload: {} }])).toEqual({
      new: 1,
      duplicate: 0,
      skipped: 1,
      failed: 1,
    });
    const broken1 = await store.getDelivery('broken-1');
    expect(broken1?.error).toMatch(/pull_request\.id: .*expected number/);
    expect(broken1?.payload).toEqual(broken.payload);
  });

  it('processes deliveries recorded before a crash on restart', async () => {
    const deliveries = generateDeliveries({ pullRequests: 3 });
    for (const delivery of deliveries) await store.recordDelivery(delivery, NOW.toISOString());
    expect((await store.loadActivity(1, REPO_ID))).toBeUndefined();
    expect(await processPendingDeliveries(store, silentLog, 2)).toBe(deliveries.length);
    expect((await store.loadActivity(1, REPO_ID))!.pullRequests).toHaveLength(3);
    expect(await store.listPendingDeliveries(10)).toEqual([]);
  });

  it('reads from a horizon on: items open or active since, all their children, other items’ recent ones, and the history', async () => {
    await ingestAll(store, generateDeliveries({ pullRequests: 30 }));
    for (const pr of (await store.loadActivity(1, REPO_ID))!.pullRequests) {
      await store.savePullRequestFiles(1, REPO_ID, pr.number, pr.headSha, [`dir-${pr.number % 3}/file.ts`]);
    }
    const all = (await store.loadActivity(1, REPO_ID))!;
    const horizon = '2026-06-04T00:00:00.000Z';
    const ranges = [{ from: '2026-06-01T00:00:00.000Z', to: '2026-06-05T00:00:00.000Z' }];
    const bounded = (await store.loadActivity(1, REPO_ID, { since: horizon, eventKinds: ['closed', 'review_requested'], history: historyQuestions(ranges) }))!;

    // The reference: the same selection computed from the whole activity.
    const recentMilestones = new Set(all.milestones.filter((m) => m.state === 'open' || (m.closedAt ?? '') >= horizon).map((m) => m.number));
    const current = (item: { state: string; updatedAt: string; closedAt: string | null; milestoneNumber: number | null }) =>
      item.state === 'open' || item.updatedAt >= horizon || (item.closedAt ?? '') >= horizon || recentMilestones.has(item.milestoneNumber ?? -1);
    const prs = all.pullRequests.filter(current);
    const issues = all.issues.filter(current);
    const readPr = new Set(prs.map((pr) => pr.number));
    const readIssue = new Set(issues.map((issue) => issue.number));
    const read = (onPullRequest: boolean, n: number) => (onPullRequest ? readPr : readIssue).has(n);
    expect(bounded.pullRequests).toEqual(prs);
    expect(bounded.issues).toEqual(issues);
    expect(bounded.reviews).toEqual(all.reviews.filter((r) => r.submittedAt === null || r.submittedAt >= horizon || readPr.has(r.prNumber)));
    expect(bounded.comments).toEqual(all.comments.filter((c) => c.createdAt >= horizon || read(c.onPullRequest, c.itemNumber)));
    expect(bounded.events).toEqual(
      all.events.filter((e) => ['closed', 'review_requested'].includes(e.kind) && (e.at >= horizon || read(e.itemKind === 'pr', e.itemNumber))),
    );
    expect(bounded.pullRequestFiles).toEqual(all.pullRequestFiles.filter((files) => readPr.has(files.prNumber)));
    expect([bounded.milestones, bounded.releases, bounded.contributors]).toEqual([all.milestones, all.releases, all.contributors]);
    // The selection is not everything (or the test would prove nothing), and older children of read items are kept.
    expect(prs.length).toBeGreaterThan(0);
    expect(prs.length).toBeLessThan(all.pullRequests.length);
    expect(bounded.comments.some((c) => c.createdAt < horizon)).toBe(true);

    const byCreation = [...all.pullRequests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
    const authors = [...new Set(byCreation.map((pr) => pr.author))].sort().map((author) => {
      const [first, second] = byCreation.filter((pr) => pr.author === author);
      return {
        author,
        firstNumber: first!.number,
        firstCreatedAt: first!.createdAt,
        firstOpenedAssociation: first!.openedAuthorAssociation,
        secondCreatedAt: second?.createdAt ?? null,
      };
    });
    const numbers = new Set([...all.pullRequests, ...all.issues].map((item) => item.number));
    let contiguousThrough = 0;
    while (numbers.has(contiguousThrough + 1)) contiguousThrough += 1;
    const inRange = (at: string | null) => at !== null && at >= ranges[0]!.from && at <= ranges[0]!.to;
    const active = new Set([
      ...all.reviews.filter((r) => r.state !== 'PENDING' && inRange(r.submittedAt)).map((r) => r.author.toLowerCase()),
      ...all.comments.filter((c) => inRange(c.createdAt)).map((c) => c.author.toLowerCase()),
      ...all.pullRequests.filter((pr) => inRange(pr.createdAt)).map((pr) => pr.author.toLowerCase()),
    ]);
    expect(bounded.history).toEqual({
      earliestItemAt: [...all.pullRequests, ...all.issues].map((item) => item.createdAt).sort()[0],
      pullRequestAuthors: authors,
      contiguousThrough,
      completeSince: null,
      activeLogins: [{ ...ranges[0], logins: [...active].sort() }],
    });
    expect(contiguousThrough).toBe(45);
    expect(authors.every((author) => author.firstOpenedAssociation !== null)).toBe(true);
    expect(active.size).toBeGreaterThan(0);
    expect(all.history).toBeUndefined();
  });

  it('answers the history questions it is asked: other activity kinds, one earliest PR each, drafts left out', async () => {
    const deliveries = generateDeliveries({ pullRequests: 30 });
    await ingestAll(store, deliveries);
    // Every author's first PR becomes a draft, so leaving drafts out moves their first PR.
    const openings = deliveries.filter((d) => d.name === 'pull_request' && (d.payload as { action: string }).action === 'opened');
    await ingestAll(
      store,
      openings.map((opened, i) => {
        const payload = opened.payload as { pull_request: Record<string, unknown> };
        return { ...opened, id: `draft-${i}`, payload: { ...payload, action: 'converted_to_draft', pull_request: { ...payload.pull_request, draft: true, updated_at: '2030-01-01T00:00:00Z' } } };
      }).filter((_, i) => i % 2 === 0),
    );
    const all = (await store.loadActivity(1, REPO_ID))!;
    const ranges = [{ from: '2026-06-01T00:00:00.000Z', to: '2026-06-05T00:00:00.000Z' }];
    const ask = (kinds: readonly ActivityKind[], earliest: EarliestPullRequestsQuestion) =>
      store.loadActivity(1, REPO_ID, { since: '2026-06-04T00:00:00.000Z', history: historyQuestions(ranges, kinds, earliest) }).then((a) => a!.history!);
    const commentsOnly: ActivityKind[] = [{ records: 'comments', at: 'createdAt' }];
    const anyReview: ActivityKind[] = [{ records: 'reviews', at: 'submittedAt', exceptStates: [] }];
    const noDrafts: EarliestPullRequestsQuestion = { perAuthor: 1, includeDrafts: false };
    const [every, comments, reviews, firstOnly] = await Promise.all([
      ask(EVERY_ACTIVITY, FIRST_TWO),
      ask(commentsOnly, FIRST_TWO),
      ask(anyReview, FIRST_TWO),
      ask(EVERY_ACTIVITY, noDrafts),
    ]);

    // The reference: the same questions answered over the whole activity in memory.
    const activeIn = (kinds: readonly ActivityKind[]) => {
      const logins = new Set<string>();
      forEachActivity(all, kinds, (author, at) => {
        if (at >= ranges[0]!.from && at <= ranges[0]!.to) logins.add(author.toLowerCase());
      });
      return [...logins].sort();
    };
    expect(every.activeLogins[0]!.logins).toEqual(activeIn(EVERY_ACTIVITY));
    expect(comments.activeLogins[0]!.logins).toEqual(activeIn(commentsOnly));
    expect(reviews.activeLogins[0]!.logins).toEqual(activeIn(anyReview));
    expect(comments.activeLogins[0]!.logins).not.toEqual(every.activeLogins[0]!.logins);
    const undrafted = [...all.pullRequests].filter((pr) => !pr.draft).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
    const firsts = [...new Set(undrafted.map((pr) => pr.author))].sort().map((author) => {
      const first = undrafted.find((pr) => pr.author === author)!;
      return { author, firstNumber: first.number, firstCreatedAt: first.createdAt, firstOpenedAssociation: first.openedAuthorAssociation, secondCreatedAt: null };
    });
    expect(firstOnly.pullRequestAuthors).toEqual(firsts);
    expect(every.pullRequestAuthors.some((entry) => entry.secondCreatedAt !== null)).toBe(true);
    expect(all.pullRequests.some((pr) => pr.draft)).toBe(true);
    expect(firstOnly.pullRequestAuthors.map((entry) => entry.firstNumber)).not.toEqual(every.pullRequestAuthors.map((entry) => entry.firstNumber));
  });

  it('keeps the author association a PR was opened with, whatever later deliveries or the order say', async () => {
    const deliveries = generateDeliveries({ pullRequests: 3, seed: 5 });
    const opened = deliveries.find((d) => d.name === 'pull_request' && (d.payload as { action: string }).action === 'opened')!;
    const payload = opened.payload as { number: number; pull_request: Record<string, unknown> };
    const at = (association: string, action: string, id: string): Delivery => ({
      ...opened,
      id,
      payload: { ...payload, action, pull_request: { ...payload.pull_request, author_association: association, updated_at: '2030-01-01T00:00:00Z' } },
    });
    const openedAs = { ...opened, id: 'opened', payload: { ...payload, pull_request: { ...payload.pull_request, author_association: 'FIRST_TIME_CONTRIBUTOR' } } };
    const later = at('CONTRIBUTOR', 'edited', 'edited');
    const read = async (s: Store) => (await s.loadActivity(1, REPO_ID))!.pullRequests.find((pr) => pr.number === payload.number)!;

    await ingestAll(store, [openedAs, later]);
    expect(await read(store)).toMatchObject({ authorAssociation: 'CONTRIBUTOR', openedAuthorAssociation: 'FIRST_TIME_CONTRIBUTOR' });
    const { store: other, drop } = await backend.open();
    try {
      await ingestAll(other, [later, openedAs, later]);
      expect(await read(other)).toEqual(await read(store));
      // A PR whose opening was never delivered has no association at opening (not today's).
      await ingestAll(other, [at('MEMBER', 'labeled', 'x')].map((d) => ({ ...d, payload: { ...(d.payload as object), number: 77, pull_request: { ...(d.payload as any).pull_request, number: 77, id: 77 } } })));
      expect((await other.loadActivity(1, REPO_ID))!.pullRequests.find((pr) => pr.number === 77)).toMatchObject({ authorAssociation: 'MEMBER', openedAuthorAssociation: null });
    } finally {
      await drop();
    }
  });

  it('keeps a repository archived or forked as its last full snapshot says; a minimal one changes nothing', async () => {
    const deliveries = generateDeliveries({ pullRequests: 1, seed: 9 });
    const full = deliveries.find((d) => (d.payload as { repository?: unknown }).repository)!;
    const repository = (full.payload as { repository: Record<string, unknown> }).repository;
    const withRepository = (id: string, fields: Record<string, unknown>): Delivery => ({
      ...full,
      id,
      payload: { ...(full.payload as object), repository: { ...repository, ...fields } },
    });
    const read = async () => (await store.listRepositories(1)).find((record) => record.repoId === REPO_ID)!;

    // Until a full snapshot says, the flags are unknown (an installation payload names the repository without them).
    await store.applyBatch({ ...emptyBatch(1), repositories: [{ installationId: 1, repoId: REPO_ID, fullName: repository.full_name as string, defaultBranch: '', private: false }] });
    expect(await read()).not.toHaveProperty('archived');
    await ingestAll(store, [withRepository('a', { archived: null, fork: null })]);
    expect(await read()).not.toHaveProperty('fork');
    await ingestAll(store, [withRepository('b', { archived: true, fork: false })]);
    expect(await read()).toMatchObject({ archived: true, fork: false });
    // An installation payload names the repository without the flags: they stay.
    await store.applyBatch({ ...emptyBatch(1), repositories: [{ installationId: 1, repoId: REPO_ID, fullName: repository.full_name as string, defaultBranch: '', private: false }] });
    expect(await read()).toMatchObject({ archived: true, fork: false });
    await ingestAll(store, [withRepository('c', { archived: false, fork: true })]);
    expect(await read()).toMatchObject({ archived: false, fork: true });
  });

  it('saves the files a pull request changes', async () => {
    await ingestAll(store, generateDeliveries({ pullRequests: 2 }));
    await store.savePullRequestFiles(1, REPO_ID, 1, 'abc', ['a.ts', 'docs/b.md']);
    await store.savePullRequestFiles(1, REPO_ID, 1, 'def', ['a.ts']);
    const activity = (await store.loadActivity(1, REPO_ID)) as RepositoryActivity;
    expect(activity.pullRequestFiles).toEqual([{ repoId: REPO_ID, prNumber: 1, paths: ['a.ts'] }]);
  });

  it('finds the open pull requests whose head is a commit, in this repository of this installation only', async () => {
    await ingestAll(store, generateDeliveries({ pullRequests: 12 }));
    const stored = (await store.loadActivity(1, REPO_ID))!.pullRequests;
    const open = stored.filter((pr) => pr.state === 'open');
    const closed = stored.filter((pr) => pr.state === 'closed');
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(closed.length).toBeGreaterThanOrEqual(1);
    // Two open PRs and a closed one share a head; the same commit in another repository and installation.
    const shared = 'c0ffee'.padEnd(40, '0');
    const moved = [open[0]!, open[1]!, closed[0]!].map((pr) => ({ ...pr, headSha: shared, updatedAt: '2099-01-01T00:00:00Z' }));
    await store.applyBatch({ ...emptyBatch(1), pullRequests: moved });
    const elsewhere = { ...open[0]!, repoId: REPO_ID + 1, headSha: shared };
    await store.applyBatch({
      ...emptyBatch(2),
      repositories: [{ installationId: 2, repoId: REPO_ID, fullName: 'other/installation', defaultBranch: 'main', private: false }],
      pullRequests: [{ ...open[2]!, number: 999, id: 999_999, headSha: shared }],
    });
    await store.applyBatch({
      ...emptyBatch(1),
      repositories: [{ installationId: 1, repoId: REPO_ID + 1, fullName: 'sample-org/other', defaultBranch: 'main', private: false }],
      pullRequests: [elsewhere],
    });
    expect(await store.findOpenPullRequestsByHead(1, REPO_ID, shared)).toEqual([open[0]!.number, open[1]!.number].sort((a, b) => a - b));
    expect(await store.findOpenPullRequestsByHead(1, REPO_ID, open[3]!.headSha)).toEqual([open[3]!.number]);
    expect(await store.findOpenPullRequestsByHead(1, REPO_ID, 'f'.repeat(40))).toEqual([]);
  });
});
