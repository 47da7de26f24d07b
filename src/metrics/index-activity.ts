import { isBot } from '../core/is-bot.js';
import type {
  CommentRecord,
  RepositoryActivity,
  RepositoryRecord,
  ReviewRecord,
  TimelineEventRecord,
} from '../core/records.js';
import type {
  AuthorHistory,
  IssueFacts,
  MilestoneFacts,
  PullRequestFacts,
  ReleaseFacts,
} from './activity-facts.js';
import { collectPullRequestFacts } from './collect-pull-request-facts.js';
import { collectIssueFacts } from './collect-issue-facts.js';
import { collectAuthorHistories } from './collect-author-histories.js';
import { findCompleteSinceMs } from './tell-first-pull-request.js';
import { parseTimestamp } from './parse-timestamp.js';
import { createCommentClassifier, type ResponseSettings } from './classify-comment.js';

/**
 * Activity indexed once for many metric computations: per-item facts with parsed times, grouped children and
 * repository-wide contributor history. Building it is O(records · log) and it is the only place records are parsed.
 * An area's index (`scopeIndexToArea`) shares these facts and keeps the repository-wide history.
 */
export interface ActivityIndex {
  repository: RepositoryRecord;
  /** `repository` for the whole repository, `area` for an area's subset. */
  scope: 'repository' | 'area';
  pullRequests: PullRequestFacts[];
  issues: IssueFacts[];
  milestones: MilestoneFacts[];
  /** Published, non-draft releases, ascending by publication. */
  releases: ReleaseFacts[];
  /** Human authors' first PRs in the whole repository (kept as-is in an area's index). */
  authors: ReadonlyMap<string, AuthorHistory>;
  /**
   * From when (epoch ms) every PR of the repository is in the store (`-Infinity`: all of them; `Infinity`: unknown).
   * Figures over first PRs are `null` for windows that start earlier: PRs before it may be missing.
   */
  completeSinceMs: number;
  /** Whether a login counts as a human (not a bot, not ignored). */
  isHuman: (login: string) => boolean;
}

/** Settings that change which actors count; metrics computed from the index all use them. */
export interface IndexOptions {
  /** Logins treated as bots (case-insensitive). */
  ignoreUsers?: string[];
  /** Which slash commands are reviews and which count as nothing (config `responses`). */
  responses?: ResponseSettings;
}

/**
 * The timeline event kinds metrics read; the rest (labels, assignments, milestones) can stay in the store when
 * loading activity for a report.
 */
export const METRIC_EVENT_KINDS: ReadonlySet<TimelineEventRecord['kind']> = new Set([
  'ready_for_review',
  'converted_to_draft',
  'review_requested',
  'review_request_removed',
  'closed',
  'pushed',
] as const);

/** Groups the records `keep` accepts by `keyOf`, in input order. */
function groupBy<T>(records: readonly T[], keyOf: (record: T) => number, keep: (record: T) => boolean): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const record of records) {
    if (!keep(record)) continue;
    const key = keyOf(record);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [record]);
    else group.push(record);
  }
  return groups;
}

/**
 * The spec's human test over every login the activity knows: not `type: Bot` on any record, no `[bot]` suffix, not
 * in `ignoreUsers`. Built apart from `indexActivity` so the closure the index keeps retains only its cache.
 */
function createHumanTest(activity: RepositoryActivity, ignoreUsers: readonly string[]): (login: string) => boolean {
  const ignore = new Set(ignoreUsers.map((login) => login.toLowerCase()));
  // Logins a record reports as `type: Bot`, so an actor known only by login (a requested reviewer, a closer) is judged too.
  const botLogins = new Set<string>();
  for (const contributor of activity.contributors) if (contributor.type === 'Bot') botLogins.add(contributor.login);
  for (const authored of [activity.pullRequests, activity.issues, activity.reviews, activity.comments]) {
    for (const record of authored) if (record.authorType === 'Bot') botLogins.add(record.author);
  }
  const humans = new Map<string, boolean>();
  return (login) => {
    let human = humans.get(login);
    if (human === undefined) {
      human = login !== '' && !isBot(login, botLogins.has(login) ? 'Bot' : 'User', ignore);
      humans.set(login, human);
    }
    return human;
  };
}

/** Builds the index. Pure: reads only its arguments. */
export function indexActivity(activity: RepositoryActivity, options: IndexOptions = {}): ActivityIndex {
  const isHuman = createHumanTest(activity, options.ignoreUsers ?? []);
  const classify = createCommentClassifier(options.responses);
  const reviewsByPr = groupBy<ReviewRecord>(activity.reviews, (review) => review.prNumber, () => true);
  const commentsByItem = groupBy<CommentRecord>(activity.comments, (comment) => comment.itemNumber, (comment) => !comment.deleted);
  const eventsByItem = groupBy<TimelineEventRecord>(
    activity.events,
    (event) => event.itemNumber,
    (event) => METRIC_EVENT_KINDS.has(event.kind),
  );

  const pullRequests = activity.pullRequests.map((pr) =>
    collectPullRequestFacts(pr, {
      reviews: reviewsByPr.get(pr.number) ?? [],
      comments: commentsByItem.get(pr.number) ?? [],
      events: eventsByItem.get(pr.number) ?? [],
      isHuman,
      classify,
    }),
  );
  const issues = activity.issues.map((issue) =>
    collectIssueFacts(issue, {
      comments: commentsByItem.get(issue.number) ?? [],
      events: eventsByItem.get(issue.number) ?? [],
      isHuman,
      classify,
    }),
  );

  const authors = collectAuthorHistories(pullRequests, activity.history, isHuman, activity.issues.map((issue) => issue.number));

  return {
    repository: activity.repository,
    scope: 'repository',
    pullRequests,
    issues,
    milestones: activity.milestones.map((milestone) => ({
      record: milestone,
      createdMs: parseTimestamp(milestone.createdAt),
      dueMs: milestone.dueOn === null ? null : parseTimestamp(milestone.dueOn),
      closedMs: milestone.state === 'open' || milestone.closedAt === null ? null : parseTimestamp(milestone.closedAt),
    })),
    releases: activity.releases
      .filter((release) => !release.draft && release.publishedAt !== null)
      .map((release) => ({
        tagName: release.tagName,
        prerelease: release.prerelease,
        publishedMs: parseTimestamp(release.publishedAt!),
      }))
      .sort((a, b) => a.publishedMs - b.publishedMs),
    authors,
    completeSinceMs: activity.history
      ? activity.history.completeSince === undefined
        ? Infinity
        : activity.history.completeSince === null
          ? -Infinity
          : parseTimestamp(activity.history.completeSince)
      : findCompleteSinceMs(pullRequests.map((facts) => ({ number: facts.record.number, createdMs: facts.createdMs })), activity.issues.map((issue) => issue.number)),
    isHuman,
  };
}
