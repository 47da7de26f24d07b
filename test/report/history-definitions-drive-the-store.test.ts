import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { storeActivity } from '../../src/bench/store-activity.js';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import type { ActivityKind } from '../../src/core/history-questions.js';
import type { RepositoryActivity } from '../../src/core/records.js';
import { FIRST_PULL_REQUESTS, STALE_OWNER_ACTIVITY } from '../../src/metrics/history-definitions.js';
import { staleOwnerLookBack } from '../../src/metrics/stale-owners.js';
import { buildReport, resolveReportWindow } from '../../src/report/build-report.js';
import { loadReportActivity } from '../../src/report/load-report-activity.js';
import type { Store } from '../../src/store/store.js';
import { TEST_BACKENDS } from '../helpers/stores.js';

const END = new Date('2026-11-22T00:00:00Z');

/**
 * What counts as activity and as a first PR is the metrics' (src/metrics/history-definitions.ts): the store only
 * answers the questions a report asks with them. Changing a definition there changes what the store answers, and the
 * report from the horizon read still equals the report over the whole history (computed in memory by the same
 * definition).
 */
describe.each(TEST_BACKENDS)('the metrics define what the store answers about the history ($name)', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  const activity = generateActivity({ seed: 23, end: END, pullRequests: 1500, events: 15_000 });
  const paths = [...new Set(activity.pullRequestFiles.flatMap((files) => files.paths))].sort();
  const config = createDefaultConfig();
  const window = resolveReportWindow(config, END);
  const lookBack = staleOwnerLookBack(END);
  const inLookBack = (at: string | null) => at !== null && at >= lookBack.from && at <= lookBack.to;
  // An owner active in the look-back by reviews only, and one who also commented in it.
  const commenters = new Set(activity.comments.filter((c) => inLookBack(c.createdAt)).map((c) => c.author));
  const reviewers = [...new Set(activity.reviews.filter((r) => r.state !== 'PENDING' && inLookBack(r.submittedAt)).map((r) => r.author))].sort();
  const reviewsOnly = reviewers.find((login) => !commenters.has(login) && !login.endsWith('[bot]'))!;
  const commenter = reviewers.find((login) => commenters.has(login) && !login.endsWith('[bot]'))!;
  const areaModel = buildAreaModel({ paths, files: new Map([['.github/CODEOWNERS', `* @${reviewsOnly} @${commenter}\n`]]) });
  const original = { kinds: [...STALE_OWNER_ACTIVITY], firstPullRequests: { ...FIRST_PULL_REQUESTS } };

  beforeAll(async () => {
    ({ store, drop } = await backend.open());
    await storeActivity(store, activity);
  });
  afterAll(() => drop());
  afterEach(() => {
    (STALE_OWNER_ACTIVITY as ActivityKind[]).splice(0, Infinity, ...original.kinds);
    Object.assign(FIRST_PULL_REQUESTS, original.firstPullRequests);
  });

  const report = (read: RepositoryActivity) => buildReport({ activity: read, config, to: END, areaModel, paths, supplyChain: null }).report;

  it('changes the store’s answer and both paths’ metrics together', async () => {
    expect([reviewsOnly, commenter].every(Boolean)).toBe(true);
    const owners = [reviewsOnly, commenter];
    const before = (await loadReportActivity(store, 1, activity.repository.repoId, window, owners))!;
    const whole = (await store.loadActivity(1, activity.repository.repoId))!;
    expect(report(before)).toEqual(report(whole));
    expect(report(before).repo.metrics.stale_owners).toEqual([]);

    // Only comments count as activity now, and drafts are no one's first PR.
    (STALE_OWNER_ACTIVITY as ActivityKind[]).splice(0, Infinity, { records: 'comments', at: 'createdAt' });
    FIRST_PULL_REQUESTS.includeDrafts = false;
    const after = (await loadReportActivity(store, 1, activity.repository.repoId, window, owners))!;

    const activeBefore = before.history!.activeLogins.find((range) => range.to === lookBack.to)!.logins;
    const activeAfter = after.history!.activeLogins.find((range) => range.to === lookBack.to)!.logins;
    expect(activeBefore).toContain(reviewsOnly.toLowerCase());
    expect(activeAfter).not.toContain(reviewsOnly.toLowerCase());
    expect(activeAfter).toContain(commenter.toLowerCase());
    expect(after.history!.pullRequestAuthors).not.toEqual(before.history!.pullRequestAuthors);
    const drafts = new Set(whole.pullRequests.filter((pr) => pr.draft).map((pr) => pr.number));
    expect(before.history!.pullRequestAuthors.some((entry) => drafts.has(entry.firstNumber))).toBe(true);
    expect(after.history!.pullRequestAuthors.some((entry) => drafts.has(entry.firstNumber))).toBe(false);

    // The in-memory path over the whole history reads the same definition: the reports agree, and they changed.
    const changed = report(after);
    expect(changed).toEqual(report(whole));
    expect(changed.repo.metrics.stale_owners).toEqual([reviewsOnly.toLowerCase()]);
    // The stale owner's "last active" date is their latest comment in the whole history, which the horizon read does
    // not hold (the store answers it for the owners it is asked about); read without the owners, the date is lost.
    const latestComment = whole.comments
      .filter((comment) => comment.author.toLowerCase() === reviewsOnly.toLowerCase() && comment.createdAt <= END.toISOString())
      .map((comment) => comment.createdAt)
      .sort()
      .at(-1);
    const staleItem = (built: ReturnType<typeof report>) =>
      built.findings.flatMap((finding) => finding.items ?? []).find((item) => item.kind === 'user' && item.login?.toLowerCase() === reviewsOnly.toLowerCase());
    expect(latestComment).toBeDefined();
    expect(staleItem(changed)?.at).toBe(latestComment);
    expect(after.comments.some((comment) => comment.createdAt === latestComment && comment.author.toLowerCase() === reviewsOnly.toLowerCase())).toBe(false);
    const withoutOwners = (await loadReportActivity(store, 1, activity.repository.repoId, window))!;
    expect(withoutOwners.history!.lastActive).toBeUndefined();
  });

  // `stale_owners` looks up owners only: a report given its owners asks the store about no one else (a year of
  // activity is not scanned for every login), and its report is the whole history's.
  it('asks who was active about the owners only when given them', async () => {
    const owners = [reviewsOnly, commenter];
    const lowerOwners = owners.map((login) => login.toLowerCase()).sort();
    const asked = (await loadReportActivity(store, 1, activity.repository.repoId, window, owners))!;
    const everyone = (await loadReportActivity(store, 1, activity.repository.repoId, window))!;
    for (const range of asked.history!.activeLogins) expect(range.logins.every((login) => lowerOwners.includes(login))).toBe(true);
    expect(asked.history!.activeLogins.find((range) => range.to === lookBack.to)!.logins).toEqual(lowerOwners);
    const all = everyone.history!.activeLogins.find((range) => range.to === lookBack.to)!.logins;
    expect(all.length).toBeGreaterThan(lowerOwners.length);
    expect(all).toEqual(expect.arrayContaining(lowerOwners));
    const whole = (await store.loadActivity(1, activity.repository.repoId))!;
    expect(report(asked)).toEqual(report(whole));
    expect(report(everyone)).toEqual(report(whole));
    // With no owner logins (no area model, or teams only) nothing is asked, and nothing is stale.
    const none = (await loadReportActivity(store, 1, activity.repository.repoId, window, []))!;
    expect(none.history!.activeLogins.every((range) => range.logins.length === 0)).toBe(true);
    const teamsOnly = buildAreaModel({ paths, files: new Map([['.github/CODEOWNERS', '* @org/team\n']]) });
    const built = (read: RepositoryActivity) => buildReport({ activity: read, config, to: END, areaModel: teamsOnly, paths, supplyChain: null }).report;
    expect(built(none)).toEqual(built(whole));
  });
});
