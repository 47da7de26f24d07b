/** Record builders for metric tests: sensible defaults, override what the test is about. */
import type {
  CommentRecord,
  IssueRecord,
  MilestoneRecord,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryActivity,
  ReviewRecord,
  TimelineEventRecord,
} from '../../src/core/records.js';
import { createEmptyActivity } from '../../src/core/create-empty-activity.js';
import { indexActivity } from '../../src/metrics/index-activity.js';
import type { MetricContext } from '../../src/metrics/metric-context.js';
import { resolveMetricOptions, type MetricOptions } from '../../src/metrics/metric-options.js';
import type { Window } from '../../src/metrics/types.js';

const HOUR_MS = 3_600_000;
/** The test window: 28 days, `[2026-11-01, 2026-11-29)`. */
export const WINDOW_FROM = Date.parse('2026-11-01T00:00:00.000Z');
export const WINDOW_TO = Date.parse('2026-11-29T00:00:00.000Z');
export const WINDOW: Window = {
  from: new Date(WINDOW_FROM),
  to: new Date(WINDOW_TO),
  previousFrom: new Date(WINDOW_FROM - 28 * 24 * HOUR_MS),
};

/** The ISO time `hours` after the window's start (negative: before it). */
export function t(hours: number): string {
  return new Date(WINDOW_FROM + hours * HOUR_MS).toISOString();
}

let nextId = 1;
const id = () => nextId++;

export function aPullRequest(overrides: Partial<PullRequestRecord> = {}): PullRequestRecord {
  const number = overrides.number ?? id();
  return {
    repoId: 1,
    id: 10_000 + number,
    number,
    title: 'Improve something',
    author: 'newbie',
    authorType: 'User',
    authorAssociation: 'CONTRIBUTOR',
    state: 'open',
    draft: false,
    openedAsDraft: overrides.draft ?? false,
    createdAt: t(0),
    updatedAt: t(0),
    closedAt: null,
    mergedAt: null,
    mergedBy: null,
    additions: 20,
    deletions: 5,
    changedFiles: 2,
    labels: [],
    milestoneNumber: null,
    baseRef: 'main',
    headRef: 'feature',
    headSha: 'abc',
    ...overrides,
  };
}

/** A PR merged at `mergedAt` (and closed then). */
export function aMergedPullRequest(mergedAt: string, overrides: Partial<PullRequestRecord> = {}): PullRequestRecord {
  return aPullRequest({ state: 'closed', closedAt: mergedAt, mergedAt, mergedBy: 'maintainer', ...overrides });
}

export function anIssue(overrides: Partial<IssueRecord> = {}): IssueRecord {
  const number = overrides.number ?? id();
  return {
    repoId: 1,
    id: 20_000 + number,
    number,
    title: 'Something is broken',
    author: 'reporter',
    authorType: 'User',
    authorAssociation: 'NONE',
    state: 'open',
    createdAt: t(0),
    updatedAt: t(0),
    closedAt: null,
    closedBy: null,
    labels: [],
    milestoneNumber: null,
    assignees: [],
    ...overrides,
  };
}

export function aReview(prNumber: number, author: string, submittedAt: string, overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    repoId: 1,
    id: id(),
    prNumber,
    author,
    authorType: 'User',
    state: 'COMMENTED',
    submittedAt,
    commitId: 'abc',
    ...overrides,
  };
}

export function aComment(itemNumber: number, author: string, createdAt: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    repoId: 1,
    id: id(),
    kind: 'issue',
    itemNumber,
    onPullRequest: true,
    author,
    authorType: 'User',
    createdAt,
    updatedAt: createdAt,
    deleted: false,
    commands: [],
    ...overrides,
  };
}

export function anEvent(
  itemNumber: number,
  kind: TimelineEventRecord['kind'],
  at: string,
  overrides: Partial<TimelineEventRecord> = {},
): TimelineEventRecord {
  return { repoId: 1, itemNumber, itemKind: 'pr', kind, actor: 'someone', subject: '', subjectType: '', at, ...overrides };
}

/** A `review_requested` (or, with `removed`, `review_request_removed`) event for a user reviewer. */
export function aReviewRequest(prNumber: number, reviewer: string, at: string, removed = false): TimelineEventRecord {
  return anEvent(prNumber, removed ? 'review_request_removed' : 'review_requested', at, {
    subject: reviewer,
    subjectType: 'user',
  });
}

export function aMilestone(overrides: Partial<MilestoneRecord> = {}): MilestoneRecord {
  const number = overrides.number ?? id();
  return {
    repoId: 1,
    id: 30_000 + number,
    number,
    title: `v1.${number}`,
    state: 'open',
    dueOn: null,
    createdAt: t(-1000),
    updatedAt: t(-1000),
    closedAt: null,
    openIssues: 0,
    closedIssues: 0,
    ...overrides,
  };
}

export function aRelease(publishedAt: string, overrides: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return {
    repoId: 1,
    id: id(),
    tagName: `v${publishedAt.slice(0, 10)}`,
    name: null,
    draft: false,
    prerelease: false,
    createdAt: publishedAt,
    publishedAt,
    assetNames: [],
    ...overrides,
  };
}

export function anActivity(parts: Partial<Omit<RepositoryActivity, 'repository'>> = {}): RepositoryActivity {
  return {
    ...createEmptyActivity({ installationId: 1, repoId: 1, fullName: 'acme/widgets', defaultBranch: 'main' }),
    ...parts,
  };
}

/** A metric context over `activity` for the test window (options may override anything). */
export function aContext(activity: RepositoryActivity, options: Partial<MetricOptions> = {}): MetricContext {
  const full: MetricOptions = { window: WINDOW, ...options };
  return { index: indexActivity(activity, { ignoreUsers: full.ignoreUsers ?? [], responses: full.responses }), options: resolveMetricOptions(full) };
}
