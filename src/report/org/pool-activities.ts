import type {
  ActiveLogins,
  PullRequestAuthorHistory,
  RepositoryActivity,
  RepositoryHistory,
  RepositoryRecord,
} from '../../core/records.js';

/**
 * Item numbers of the pooled activity are `ordinal · ITEM_STRIDE + number`: GitHub numbers items per repository, so
 * two repositories' PR 12 must stay two PRs once pooled. Ten million is above any repository's item count today.
 */
export const ITEM_STRIDE = 10_000_000;

/** The pooled number of item `number` of the repository at `ordinal` (1-based) in the pool. */
export function pooledItemNumber(ordinal: number, number: number): number {
  return ordinal * ITEM_STRIDE + number;
}

/** The repository ordinal and the repository's own item number of a pooled item number. */
export function splitPooledItemNumber(pooled: number): { ordinal: number; number: number } {
  return { ordinal: Math.floor(pooled / ITEM_STRIDE), number: pooled % ITEM_STRIDE };
}

/**
 * One activity holding every record of `activities` (the repositories of one organisation and installation), so the
 * metric engine computes organisation-wide figures over all items together: counts summed, distributions over every
 * item (never a median of medians), first PRs and reviewer loads across repositories. Item, milestone and file
 * numbers are renumbered per repository (`pooledItemNumber`); logins are shared, as GitHub's are. The store's history
 * aggregates are merged: an author's first PR is their earliest anywhere, their second the next earliest anywhere.
 * The inputs are not changed.
 */
export function poolActivities(repository: RepositoryRecord, activities: readonly RepositoryActivity[]): RepositoryActivity {
  const pooled: RepositoryActivity = {
    repository,
    pullRequests: [],
    issues: [],
    reviews: [],
    comments: [],
    events: [],
    milestones: [],
    releases: [],
    contributors: [],
    pullRequestFiles: [],
  };
  const repoId = repository.repoId;
  activities.forEach((activity, index) => {
    const ordinal = index + 1;
    const renumber = (number: number) => pooledItemNumber(ordinal, number);
    const renumberMilestone = (number: number | null) => (number === null ? null : renumber(number));
    for (const pr of activity.pullRequests) {
      pooled.pullRequests.push({ ...pr, repoId, number: renumber(pr.number), milestoneNumber: renumberMilestone(pr.milestoneNumber) });
    }
    for (const issue of activity.issues) {
      pooled.issues.push({ ...issue, repoId, number: renumber(issue.number), milestoneNumber: renumberMilestone(issue.milestoneNumber) });
    }
    for (const review of activity.reviews) pooled.reviews.push({ ...review, repoId, prNumber: renumber(review.prNumber) });
    for (const comment of activity.comments) pooled.comments.push({ ...comment, repoId, itemNumber: renumber(comment.itemNumber) });
    for (const event of activity.events) pooled.events.push({ ...event, repoId, itemNumber: renumber(event.itemNumber) });
    for (const milestone of activity.milestones) pooled.milestones.push({ ...milestone, repoId, number: renumber(milestone.number) });
    for (const release of activity.releases) pooled.releases.push({ ...release, repoId });
    for (const contributor of activity.contributors) pooled.contributors.push({ ...contributor, repoId });
    for (const files of activity.pullRequestFiles) pooled.pullRequestFiles.push({ ...files, repoId, prNumber: renumber(files.prNumber) });
  });
  const history = mergeHistories(activities);
  if (history) pooled.history = history;
  return pooled;
}

/**
 * The history of the pool, when every activity carries one (a report read of the store); `undefined` when none
 * does (the metric engine then derives the same from the PRs). Mixed inputs cannot be pooled faithfully.
 */
function mergeHistories(activities: readonly RepositoryActivity[]): RepositoryHistory | undefined {
  const withHistory = activities.filter((activity) => activity.history !== undefined);
  if (withHistory.length === 0) return undefined;
  if (withHistory.length !== activities.length) {
    throw new Error('poolActivities: either every activity carries its store history or none does');
  }
  let earliestItemAt: string | null = null;
  const authors = new Map<string, Array<{ createdAt: string; number: number | null }>>();
  const logins = new Map<string, { range: ActiveLogins; logins: Set<string> }>();
  activities.forEach((activity, index) => {
    const history = activity.history!;
    if (history.earliestItemAt !== null && (earliestItemAt === null || history.earliestItemAt < earliestItemAt)) {
      earliestItemAt = history.earliestItemAt;
    }
    for (const entry of history.pullRequestAuthors) {
      const prs = authors.get(entry.author) ?? [];
      prs.push({ createdAt: entry.firstCreatedAt, number: pooledItemNumber(index + 1, entry.firstNumber) });
      if (entry.secondCreatedAt !== null) prs.push({ createdAt: entry.secondCreatedAt, number: null });
      authors.set(entry.author, prs);
    }
    for (const range of history.activeLogins) {
      const key = `${range.from}|${range.to}`;
      const known = logins.get(key) ?? { range, logins: new Set<string>() };
      for (const login of range.logins) known.logins.add(login);
      logins.set(key, known);
    }
  });
  return {
    earliestItemAt,
    pullRequestAuthors: [...authors.entries()].map(([author, prs]) => firstTwo(author, prs)),
    activeLogins: [...logins.values()].map(({ range, logins: set }) => ({ from: range.from, to: range.to, logins: [...set].sort() })),
  };
}

/**
 * An author's first PR in the pool and the creation of their second: each repository names its first PR (with its
 * number) and its second's creation, so the pool's first two are the earliest two of those. Ties of time go to the
 * PR with a number (a repository's first), then the lower pooled number, as the store orders by time, then number.
 */
function firstTwo(author: string, prs: Array<{ createdAt: string; number: number | null }>): PullRequestAuthorHistory {
  const sorted = [...prs].sort(
    (a, b) =>
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
      (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER),
  );
  const first = sorted[0]!;
  return {
    author,
    // The earliest entry is always a repository's first PR: a second PR is never earlier than its repository's first.
    firstNumber: first.number!,
    firstCreatedAt: first.createdAt,
    secondCreatedAt: sorted[1]?.createdAt ?? null,
  };
}
