import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { computePullRequestViews } from '../../src/application/publish-pull-request-check.js';
import { buildAreaModel } from '../../src/areas/area-model.js';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { storeActivity } from '../../src/bench/store-activity.js';
import { createDefaultConfig, type FallacyWatchConfig } from '../../src/config/config-schema.js';
import type { RepositoryActivity } from '../../src/core/records.js';
import type { GitHubClient } from '../../src/github/client.js';
import { emptyBatch } from '../../src/ingest/record-batch.js';
import { buildPullRequestViews, type PullRequestSubject } from '../../src/publish/build-pull-request-views.js';
import { renderCheckRun, renderPrComment } from '../../src/render/index.js';
import { buildReport, resolveReportWindow } from '../../src/report/build-report.js';
import { reportHistoryQuestions } from '../../src/metrics/history-definitions.js';
import { metricHorizon, staleOwnerRanges } from '../../src/metrics/metric-look-back.js';
import { loadReportActivity } from '../../src/report/load-report-activity.js';
import { METRIC_EVENT_KINDS } from '../../src/metrics/index-activity.js';
import type { FeedbackLoopsOptions } from '../../src/rules/feedback-loops-are-tight/index.js';
import type { BandwidthOptions } from '../../src/rules/maintainer-bandwidth-is-infinite/index.js';
import type { LoadActivityOptions, Store } from '../../src/store/store.js';
import { TEST_BACKENDS } from '../helpers/stores.js';

const END = new Date('2026-11-22T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const TARGET = { installationId: 1, repoId: 1, owner: 'bench', repo: 'generated', fullName: 'bench/generated', defaultBranch: 'main' };
/** `/` owns the root files; two owners never act (stale), one of them last seen two years ago. */
const CODEOWNERS = [
  '/*             @reviewer-0 @ghost-owner',
  '/component-00/ @reviewer-1 @reviewer-2',
  '/component-01/ @reviewer-3 @ex-maintainer',
  '/component-02/ @reviewer-4 @reviewer-7',
].join('\n');

/** A GitHub client no call may reach: the generated history tells every first PR, so nothing is searched. */
const NO_GITHUB = new Proxy({}, { get: () => { throw new Error('unexpected GitHub call'); } }) as GitHubClient;

describe.each(TEST_BACKENDS)('a PR check run computed from its narrow read ($name)', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  const activity = generateActivity({ seed: 13, end: END, pullRequests: 3000, events: 30_000 });
  const paths = ['README.md', 'Makefile', ...new Set(activity.pullRequestFiles.flatMap((files) => files.paths))].sort();
  const areaModel = buildAreaModel({ paths, files: new Map([['.github/CODEOWNERS', CODEOWNERS]]) });
  const open = activity.pullRequests.filter((pr) => pr.state === 'open' && !pr.author.endsWith('[bot]'));
  // An old PR still open: a comment by a stale owner on it is the last the whole read shows of them.
  const oldOpen = activity.pullRequests.find((pr) => pr.state === 'open' && Date.parse(pr.createdAt) < END.getTime() - 2 * YEAR_MS);

  beforeAll(async () => {
    ({ store, drop } = await backend.open());
    await storeActivity(store, activity);
    if (oldOpen) {
      await store.applyBatch({
        ...emptyBatch(1),
        comments: [
          {
            repoId: 1, id: 9_000_001, kind: 'issue', itemNumber: oldOpen.number, onPullRequest: true, author: 'ex-maintainer',
            authorType: 'User', createdAt: new Date(Date.parse(oldOpen.createdAt) + 3_600_000).toISOString(),
            updatedAt: oldOpen.updatedAt, deleted: false, commands: [],
          },
        ],
      });
    }
  });
  afterAll(() => drop());
  afterEach(() => vi.restoreAllMocks());

  const scenarios: Array<[string, number, string[]]> = [
    ['one area', 0, ['component-01/src/main.go']],
    ['several areas and the root', 1, ['component-00/src/a.go', 'component-02/docs/README.md', 'README.md']],
    ['no area', 2, ['component-05/src/c.go', 'component-11/src/d.go']],
    ['the root area only', 3, ['Makefile']],
    ['a busy area', 4, ['component-00/src/b.go']],
  ];

  it.each(scenarios)('equals the whole report’s check run and comment: %s', async (_, pick, changedFiles) => {
    const pr = open[pick * 7]!;
    const config: FallacyWatchConfig = {
      ...createDefaultConfig(),
      // A suppression in a touched area: silenced in both.
      suppress: [{ rule: 'staffing-is-homogeneous', area: 'component-00', reason: 'known, hiring' }],
    };
    await store.savePullRequestFiles(1, 1, pr.number, pr.headSha, changedFiles);
    const subject: PullRequestSubject = { number: pr.number, headSha: pr.headSha, author: pr.author, authorAssociation: 'NONE', requestedReviewers: ['reviewer-9'] };
    const common = {
      pullRequest: subject,
      changedFiles,
      areaModel,
      prFindings: [],
      failOn: config.failOn,
      ignoreUsers: config.ignoreUsers,
      configProblems: [],
      maxOpenReviewRequests: (config.rules['maintainer-bandwidth-is-infinite'] as BandwidthOptions | undefined)?.maxOpenReviewRequests,
      minSamples: (config.rules['feedback-loops-are-tight'] as FeedbackLoopsOptions | undefined)?.minSamples,
    };
    const whole = (await loadReportActivity(store, 1, 1, resolveReportWindow(config, END)))!;
    const { report } = buildReport({ activity: whole, config, to: END, areaModel, paths, supplyChain: null });
    const expected = buildPullRequestViews({ report, activity: whole, ...common });

    const reads = spyOnReads(store);
    const log = { warn: vi.fn() };
    const views = await computePullRequestViews(store, {
      octokit: NO_GITHUB, target: TARGET, pullRequest: subject, changedFiles, config, areaModel, paths, now: END, prFindings: [], configProblems: [], log,
    });
    expect(log.warn).not.toHaveBeenCalled();
    expect(views).toEqual(expected);
    expect(renderCheckRun(views.checkRun)).toEqual(renderCheckRun(expected.checkRun));
    expect(renderPrComment(views.comment)).toEqual(renderPrComment(expected.comment));

    // It read a part of the whole report's activity, and computed only what it shows.
    const read = reads.activity[0]!;
    const first = reads.options[0];
    expect(first?.since !== undefined ? first.only : undefined).toBeDefined();
    expect(read.pullRequests.length).toBeLessThan(whole.pullRequests.length * 0.8);
    expect(read.issues.length).toBeLessThan(whole.issues.length * 0.5);
    expect(read.comments.length).toBeLessThan(whole.comments.length * 0.8);
  });

  it('reads, when every key is selected, exactly the whole read: the same records in the same order', async () => {
    const window = resolveReportWindow(createDefaultConfig(), END);
    const whole = (await loadReportActivity(store, 1, 1, window))!;
    const since = metricHorizon(window).toISOString();
    const keys = (await store.loadActivityItemKeys(1, 1, since))!;
    expect(keys.pullRequests.map((pr) => pr.number)).toEqual(whole.pullRequests.map((pr) => pr.number));
    expect(keys.issues.map((issue) => issue.number)).toEqual(whole.issues.map((issue) => issue.number));
    expect(keys.pullRequestFiles).toEqual(whole.pullRequestFiles.map(({ prNumber, paths }) => ({ prNumber, paths })));
    const narrow = (await store.loadActivity(1, 1, {
      since,
      eventKinds: METRIC_EVENT_KINDS,
      history: reportHistoryQuestions(staleOwnerRanges(window)),
      only: {
        pullRequests: keys.pullRequests.map((pr) => pr.number),
        issues: keys.issues.map((issue) => issue.number),
        authors: keys.pullRequests.map((pr) => pr.author),
        logins: [],
        lastActiveUntil: END.toISOString(),
      },
    }))!;
    for (const records of ['pullRequests', 'issues', 'reviews', 'comments', 'events', 'pullRequestFiles', 'milestones', 'releases', 'contributors'] as const) {
      expect(narrow[records]).toEqual(whole[records]);
    }
    expect(narrow.history!.pullRequestAuthors).toEqual(
      whole.history!.pullRequestAuthors.filter((entry) => keys.pullRequests.some((pr) => pr.author === entry.author)),
    );
  });

  it('shows what the scenarios claim: areas, findings with items, suggestions, a stale owner last seen long ago', async () => {
    const config = createDefaultConfig();
    const results = [];
    for (const [, pick, changedFiles] of scenarios) {
      const pr = open[pick * 7]!;
      await store.savePullRequestFiles(1, 1, pr.number, pr.headSha, changedFiles);
      const subject: PullRequestSubject = { number: pr.number, headSha: pr.headSha, author: pr.author, authorAssociation: 'NONE', requestedReviewers: [] };
      results.push(
        await computePullRequestViews(store, {
          octokit: NO_GITHUB, target: TARGET, pullRequest: subject, changedFiles, config, areaModel, paths, now: END, prFindings: [], configProblems: [], log: { warn: vi.fn() },
        }),
      );
    }
    expect(results.map((views) => views.touchedAreas)).toEqual([['component-01'], ['/', 'component-00', 'component-02'], [], ['/'], ['component-00']]);
    expect(results.every((views) => views.checkRun.repo.active_reviewers !== null && views.checkRun.repo.active_reviewers > 0)).toBe(true);
    expect(results[1]!.checkRun.findings.length).toBeGreaterThan(0);
    expect(results.some((views) => views.checkRun.suggestedReviewers.length > 0)).toBe(true);
    expect(oldOpen).toBeDefined();
    const stale = results[0]!.checkRun.findings.find((finding) => finding.rule === 'commitments-dont-change');
    expect(stale?.items?.map((item) => [item.login, item.at])).toEqual([['ex-maintainer', new Date(Date.parse(oldOpen!.createdAt) + 3_600_000).toISOString()]]);
  });
});

/** Records what `loadActivity` was asked and returned. */
function spyOnReads(store: Store) {
  const original = store.loadActivity.bind(store);
  const options: Array<LoadActivityOptions | undefined> = [];
  const activity: RepositoryActivity[] = [];
  const spy = vi.spyOn(store, 'loadActivity').mockImplementation(async (installationId, repoId, given) => {
    options.push(given);
    const result = await original(installationId, repoId, given);
    if (result) activity.push(result);
    return result;
  });
  return { options, activity, spy };
}
