import { createEmptyActivity } from '../../core/create-empty-activity.js';
import { indexActivity } from '../../metrics/index-activity.js';
import { findCompleteSinceMs, tellFirstPullRequest } from '../../metrics/tell-first-pull-request.js';
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
 * numbers are renumbered per repository (`pooledItemNumber`); logins are shared, as GitHub's are. The repositories'
 * histories are merged (`mergeHistories`): an author's first PR is their earliest anywhere, their second the next
 * earliest anywhere. The inputs are not changed.
 */
export function poolActivities(repository: RepositoryRecord, activities: readonly RepositoryActivity[]): RepositoryActivity {
  const pooled = createEmptyActivity(repository);
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
  pooled.history = mergeHistories(activities);
  return pooled;
}

/**
 * The pool's history from each repository's (the store's, or one derived from the activity's own PRs). An author's
 * first PR in the organisation is their earliest first PR of any repository, their second the next earliest PR of
 * any; whether that earliest one is their first anywhere is decided here, across repositories (`firstIsFirst`): it
 * is when its own repository says so, every other repository where they have a stored PR says its first is their
 * first there, and every repository where they have none holds its whole history (from #1); it is not when its own
 * repository says an earlier PR exists; otherwise it cannot be told. The pool is complete from the latest point any
 * repository is.
 */
function mergeHistories(activities: readonly RepositoryActivity[]): RepositoryHistory {
  const histories = activities.map(historyOf);
  let earliestItemAt: string | null = null;
  const authors = new Map<string, AuthorEntry[]>();
  const logins = new Map<string, { range: ActiveLogins; logins: Set<string> }>();
  histories.forEach((history, index) => {
    if (history.earliestItemAt !== null && (earliestItemAt === null || history.earliestItemAt < earliestItemAt)) {
      earliestItemAt = history.earliestItemAt;
    }
    for (const entry of history.pullRequestAuthors) {
      const entries = authors.get(entry.author) ?? [];
      entries.push({
        ordinal: index + 1,
        firstNumber: entry.firstNumber,
        firstCreatedAt: entry.firstCreatedAt,
        secondCreatedAt: entry.secondCreatedAt,
        firstIsFirst:
          entry.firstIsFirst !== undefined
            ? entry.firstIsFirst
            : tellFirstPullRequest(
                { number: entry.firstNumber, openedAssociation: entry.firstOpenedAssociation, searchedFirstNumber: entry.searchedFirstNumber },
                history.contiguousThrough ?? 0,
              ),
      });
      authors.set(entry.author, entries);
    }
    for (const range of history.activeLogins) {
      const key = `${range.from}|${range.to}`;
      const known = logins.get(key) ?? { range, logins: new Set<string>() };
      for (const login of range.logins) known.logins.add(login);
      logins.set(key, known);
    }
  });
  const completeFromStart = histories.map((history) => history.completeSince === null);
  return {
    earliestItemAt,
    pullRequestAuthors: [...authors.entries()].map(([author, entries]) => mergeAuthor(author, entries, completeFromStart)),
    activeLogins: [...logins.values()].map(({ range, logins: set }) => ({ from: range.from, to: range.to, logins: [...set].sort() })),
    completeSince: latestCompleteSince(histories),
  };
}

interface AuthorEntry {
  ordinal: number;
  firstNumber: number;
  firstCreatedAt: string;
  secondCreatedAt: string | null;
  firstIsFirst: boolean | null;
}

/**
 * An author's first PR in the pool and the creation of their second: each repository names its first PR and its
 * second's creation, so the pool's first two are the earliest two of those (ties of time: the lower pooled number).
 */
function mergeAuthor(author: string, entries: readonly AuthorEntry[], completeFromStart: readonly boolean[]): PullRequestAuthorHistory {
  // Times compare as instants, not strings: the store and payloads may spell one instant differently (`Z`, `.000Z`).
  const byTime = (a: { ms: number; number: number }, b: { ms: number; number: number }) => a.ms - b.ms || a.number - b.number;
  const firsts = entries
    .map((entry) => ({ entry, at: entry.firstCreatedAt, ms: Date.parse(entry.firstCreatedAt), number: pooledItemNumber(entry.ordinal, entry.firstNumber) }))
    .sort(byTime);
  const earliest = firsts[0]!;
  const times = [
    ...firsts.map((first) => ({ at: first.at, ms: first.ms })),
    ...entries.flatMap((entry) => (entry.secondCreatedAt === null ? [] : [{ at: entry.secondCreatedAt, ms: Date.parse(entry.secondCreatedAt) }])),
  ]
    .sort((a, b) => a.ms - b.ms)
    .map((time) => time.at);
  const withPrs = new Set(entries.map((entry) => entry.ordinal));
  let firstIsFirst: boolean | null = earliest.entry.firstIsFirst;
  if (firstIsFirst === true) {
    const othersKnown = entries.every((entry) => entry.firstIsFirst === true);
    const restComplete = completeFromStart.every((complete, index) => complete || withPrs.has(index + 1));
    if (!othersKnown || !restComplete) firstIsFirst = null;
  }
  return { author, firstNumber: earliest.number, firstCreatedAt: earliest.at, secondCreatedAt: times[1] ?? null, firstIsFirst };
}

/** The latest point from which some repository holds every PR; `null` when every one holds all from #1. */
function latestCompleteSince(histories: readonly RepositoryHistory[]): string | null | undefined {
  let latest: string | null = null;
  for (const history of histories) {
    if (history.completeSince === undefined) return undefined;
    if (history.completeSince !== null && (latest === null || history.completeSince > latest)) latest = history.completeSince;
  }
  return latest;
}

/**
 * A repository's history: the store's, or the one the metric engine derives from the activity's own PRs and issues
 * (`indexActivity(...).authors`: each human author's first PR, their second's creation and whether the first is
 * their first in the repository), so the pool never decides "first PR" by a rule of its own.
 */
function historyOf(activity: RepositoryActivity): RepositoryHistory {
  if (activity.history) return activity.history;
  const { authors } = indexActivity(activity);
  const issueNumbers = activity.issues.map((issue) => issue.number);
  const completeSinceMs = findCompleteSinceMs(
    activity.pullRequests.map((pr) => ({ number: pr.number, createdMs: Date.parse(pr.createdAt) })),
    issueNumbers,
  );
  const items = [...activity.pullRequests, ...activity.issues].map((item) => Date.parse(item.createdAt)).filter(Number.isFinite);
  return {
    earliestItemAt: items.length > 0 ? new Date(Math.min(...items)).toISOString() : null,
    pullRequestAuthors: [...authors.entries()].map(([author, history]) => ({
      author,
      firstNumber: history.firstNumber,
      firstCreatedAt: new Date(history.firstCreatedMs).toISOString(),
      secondCreatedAt: history.secondCreatedMs === null ? null : new Date(history.secondCreatedMs).toISOString(),
      firstIsFirst: history.firstIsFirstPr,
    })),
    activeLogins: [],
    completeSince: completeSinceMs === -Infinity ? null : completeSinceMs === Infinity ? FAR_FUTURE : new Date(completeSinceMs).toISOString(),
  };
}

/** `completeSince` when no stored PR starts a complete run: later than any window (as the store says it). */
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';
