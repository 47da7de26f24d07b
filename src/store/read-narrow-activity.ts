import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ActivityKind, type EarliestPullRequestsQuestion, forEachActivity, type HistoryQuestions } from '../core/history-questions.js';
import type { CommentRecord, MilestoneRecord, PullRequestAuthorHistory, RepositoryActivity, RepositoryRecord, ReviewRecord } from '../core/records.js';
import { ISSUE_READER, PULL_REQUEST_READER, type ArrayRowReader } from './array-row-readers.js';
import {
  type ChildTable,
  COMMENTS,
  columnList,
  type ReadContext,
  readFiles,
  readRecords,
  REVIEWS,
  timelineEventsOf,
} from './read-activity.js';
import { readFirstPullRequests } from './read-first-pull-requests.js';
import { chunksOf, readHistory, readIdleLatestActivity } from './read-history.js';
import { rowToContributor, rowToRelease } from './row-mapping.js';
import type { ActivitySelection } from './store.js';

export interface NarrowReadOptions {
  since: string;
  /** The condition selecting the items the whole read holds. */
  current: RawBuilder<SqlBool>;
  eventKinds: readonly string[] | null;
  only: ActivitySelection;
  history: HistoryQuestions;
  /** Where the rows come from: the database unless given. */
  source?: NarrowReadSource;
}

/**
 * A narrow read ({@link ActivitySelection}): of the items the whole read from `since` holds, the selected ones with
 * exactly the children the whole read gives them; the PRs read for their reviewers with their reviews and review
 * commands from `reviewed.since` on; and the history narrowed to the selected authors and logins, with when the
 * requested logins were last active in the whole read's records.
 * Records come in the whole read's order.
 */
export async function readNarrowActivity(
  context: ReadContext,
  options: NarrowReadOptions,
  whole: { repository: RepositoryRecord; milestones: MilestoneRecord[] },
): Promise<RepositoryActivity> {
  const { db, inRepo } = context;
  const { since, current, only } = options;
  const reviewed = only.reviewed ?? { pullRequests: [], since };
  const full = { pullRequests: new Set(only.pullRequests), issues: new Set(only.issues) };
  const reviewedOnly = new Set(reviewed.pullRequests.filter((number) => !full.pullRequests.has(number)));
  const source = options.source ?? sqlNarrowReadSource(context, current);
  const [prs, issues] = await Promise.all([
    source.items('pull_requests', PULL_REQUEST_READER, [...full.pullRequests, ...reviewedOnly].sort((a, b) => a - b)),
    source.items('issues', ISSUE_READER, [...full.issues].sort((a, b) => a - b)),
  ]);
  // Only items the whole read holds: a selected number it would not read stays unread.
  const olderThanSince = (item: { createdAt: string }) => item.createdAt < since;
  const fullPrs = prs.filter((pr) => full.pullRequests.has(pr.number));
  const readPrs = prs.filter((pr) => reviewedOnly.has(pr.number));
  const items = {
    pullRequests: { whole: fullPrs, older: new Set(fullPrs.filter(olderThanSince).map((pr) => pr.number)) },
    issues: { whole: issues, older: new Set(issues.filter(olderThanSince).map((issue) => issue.number)) },
  };
  const reviewedNumbers = new Set(readPrs.map((pr) => pr.number));
  const childrenOf = <R>(child: ChildTable<R>, reviewedRows: ReviewedRows<R> | null) =>
    readChildrenOf(source, child, since, items, reviewedRows && { numbers: reviewedNumbers, since: reviewed.since, rows: reviewedRows });
  const [reviews, comments, events, releases, contributors, files] = await Promise.all([
    childrenOf(REVIEWS, { where: sql`1 = 1`, keep: () => true }),
    // Of a PR read for its reviewers, only review commands (`/lgtm`) count as reviews.
    childrenOf(COMMENTS, { where: sql`on_pull_request = 1 AND commands <> '[]'`, keep: (comment) => comment.onPullRequest && comment.commands.length > 0 }),
    childrenOf(timelineEventsOf(options.eventKinds), null),
    db.selectFrom('releases').selectAll().where(inRepo).orderBy('id').execute(),
    db.selectFrom('contributors').selectAll().where(inRepo).orderBy('login').execute(),
    source.files(prs.map((pr) => pr.number)),
  ]);
  // Logins the records read show active in a range are active in it; the store is asked about the others only.
  const { kinds, ranges } = options.history.activity;
  const seenActive = ranges.map((range) => listActiveIn(range, kinds, only.logins, { pullRequests: prs, reviews, comments }));
  const unseen = only.logins.filter((login) => seenActive.some((active) => !active.has(login)));
  // The selected authors' first PRs along the author index; the rest of the history as the whole read has it.
  const [history, pullRequestAuthors] = await Promise.all([
    readHistory(db, inRepo, options.history, { authors: [], logins: unseen }),
    source.firstPullRequests(only.authors, options.history.earliestPullRequests),
  ]);
  history.pullRequestAuthors = pullRequestAuthors;
  history.activeLogins = history.activeLogins.map((range, i) => ({
    ...range,
    logins: [...new Set([...range.logins, ...seenActive[i]!])].sort(),
  }));
  // Only a login idle through the year up to `lastActiveUntil` can be a stale owner whose last activity is shown.
  history.lastActive = await readIdleLatestActivity(db, inRepo, kinds, history, only.logins, only.lastActiveUntil);

  const closers = new Map<number, string | null>();
  for (const event of events) {
    if (event.itemKind === 'issue' && event.kind === 'closed') closers.set(event.itemNumber, event.actor);
  }
  for (const issue of issues) if (issue.state === 'closed') issue.closedBy = closers.get(issue.number) ?? null;
  return {
    repository: whole.repository,
    pullRequests: prs,
    issues,
    reviews,
    comments,
    events,
    milestones: whole.milestones,
    releases: releases.map(rowToRelease),
    contributors: contributors.map(rowToContributor),
    pullRequestFiles: files.map(({ prNumber, paths }) => ({ repoId: context.repoId, prNumber, paths })),
    history,
  };
}

/** Of `logins` (lower case), those with a record of `kinds` in `[from, to]` among `records`. */
function listActiveIn(
  range: { from: string; to: string },
  kinds: readonly ActivityKind[],
  logins: readonly string[],
  records: { pullRequests: ReadonlyArray<{ author: string; createdAt: string }>; reviews: readonly ReviewRecord[]; comments: readonly CommentRecord[] },
): Set<string> {
  const wanted = new Set(logins);
  const active = new Set<string>();
  forEachActivity(records, kinds, (author, at) => {
    const login = author.toLowerCase();
    if (at >= range.from && at <= range.to && wanted.has(login)) active.add(login);
  });
  return active;
}

interface SelectedItems {
  pullRequests: { whole: ReadonlyArray<{ number: number }>; older: ReadonlySet<number> };
  issues: { whole: ReadonlyArray<{ number: number }>; older: ReadonlySet<number> };
}

/**
 * The children the whole read gives the selected items (every child of an item created before `since`, the others'
 * from `since` on, and reviews without a time), and of the PRs read for their reviewers those from `reviewed.since`
 * on that `reviewed.rows` keeps; in the table's order.
 */
async function readChildrenOf<R>(
  source: NarrowReadSource,
  child: ChildTable<R>,
  since: string,
  items: SelectedItems,
  reviewed: { numbers: ReadonlySet<number>; since: string; rows: ReviewedRows<R> } | null,
): Promise<R[]> {
  const records: R[] = [];
  const fromSince = (older: ReadonlySet<number>) => (record: R, itemNumber: number) => {
    const at = child.timeOf(record);
    return older.has(itemNumber) || (at === null ? child.untimed === true : at >= since);
  };
  for (const [pullRequests, selected] of [[true, items.pullRequests], [false, items.issues]] as const) {
    const keep = fromSince(selected.older);
    records.push(...(await source.children(child, pullRequests, selected.whole.map((item) => item.number), keep)));
  }
  if (reviewed && reviewed.numbers.size > 0) records.push(...(await source.recentChildren(child, reviewed.numbers, reviewed.since, reviewed.rows)));
  return records.sort(child.compare);
}

/** Which rows of a child table of a PR read for its reviewers count: as SQL, and the same test on a record. */
export interface ReviewedRows<R> {
  where: RawBuilder<SqlBool>;
  keep: (record: R) => boolean;
}

/**
 * Where a narrow read gets its rows: the database ({@link sqlNarrowReadSource}) or a cache of it kept current by the
 * store's own writes (`ActivityMirror`). Each answer is what the database holds now.
 */
export interface NarrowReadSource {
  /** The records of these items that the whole read holds, in number order (`numbers` ascending). */
  items<R extends { number: number }>(table: 'pull_requests' | 'issues', reader: ArrayRowReader<R>, numbers: readonly number[]): Promise<R[]>;
  /** The rows of `child` (its `where`) of these PRs or issues that `keep` keeps, told each row's item number. */
  children<R>(child: ChildTable<R>, pullRequests: boolean, numbers: readonly number[], keep: (record: R, itemNumber: number) => boolean): Promise<R[]>;
  /** Of these PRs, the rows of `child` from `since` on that `rows` keeps. */
  recentChildren<R>(child: ChildTable<R>, numbers: ReadonlySet<number>, since: string, rows: ReviewedRows<R>): Promise<R[]>;
  /** The changed files of these PRs (those with files saved), in number order. */
  files(numbers: readonly number[]): Promise<Array<{ prNumber: number; paths: string[] }>>;
  /** These authors' earliest PRs, as `readFirstPullRequests` gives them. */
  firstPullRequests(authors: readonly string[], question: EarliestPullRequestsQuestion): Promise<PullRequestAuthorHistory[]>;
}

/** A narrow read's rows straight from the database; `current` selects the items the whole read holds. */
export function sqlNarrowReadSource(context: ReadContext, current: RawBuilder<SqlBool>): NarrowReadSource {
  const { inRepo } = context;
  return {
    items: async (table, reader, numbers) => {
      const records = [];
      for (const chunk of chunksOf(numbers)) {
        records.push(
          ...(await readRecords(context, reader, sql`SELECT ${columnList(context, reader as ArrayRowReader<unknown>)} FROM ${sql.table(table)}
            WHERE ${inRepo} AND ${current} AND number IN (${sql.join(chunk)}) ORDER BY number`)),
        );
      }
      return records;
    },
    children: async (child, pullRequests, numbers, keep) => {
      const records = [];
      for (const row of await readChildRows(context, child, pullRequests, numbers)) if (keep(row.record, row.itemNumber)) records.push(row.record);
      return records;
    },
    recentChildren: async (child, numbers, since, rows) => {
      // From a time on, read along the time index; few of those rows are of other PRs.
      const values = await context.rows(
        sql`SELECT ${columnList(context, child.reader as ArrayRowReader<unknown>)}, ${sql.ref(child.itemNumber)} FROM ${sql.table(child.table)}
          WHERE ${inRepo} AND ${sql.ref(child.time)} >= ${since} AND ${rows.where}`.compile(context.db),
      );
      return values.filter((row) => numbers.has(row[row.length - 1] as number)).map((row) => child.reader.read(row, context.repoId));
    },
    files: async (numbers) =>
      (await readFiles(context.db, inRepo, [...numbers])).map((row) => ({ prNumber: row.pr_number, paths: JSON.parse(row.paths) as string[] })),
    firstPullRequests: (authors, question) => readFirstPullRequests(context.db, inRepo, authors, question),
  };
}

/** Every row of `child` (its `where`) of these PRs or issues, with the item's number, in no particular order. */
export async function readChildRows<R>(
  context: ReadContext,
  child: ChildTable<R>,
  pullRequests: boolean,
  numbers: readonly number[],
): Promise<Array<{ record: R; itemNumber: number }>> {
  const rows: Array<{ record: R; itemNumber: number }> = [];
  for (const chunk of chunksOf(numbers)) {
    const values = await context.rows(
      sql`SELECT ${columnList(context, child.reader as ArrayRowReader<unknown>)}, ${sql.ref(child.itemNumber)} FROM ${sql.table(child.table)}
        WHERE ${context.inRepo} AND ${child.side(pullRequests)} AND ${sql.ref(child.itemNumber)} IN (${sql.join(chunk)}) AND ${child.where}`.compile(context.db),
    );
    for (const row of values) rows.push({ record: child.reader.read(row, context.repoId), itemNumber: row[row.length - 1] as number });
  }
  return rows;
}
