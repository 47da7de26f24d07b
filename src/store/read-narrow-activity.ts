import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ActivityKind, forEachActivity, type HistoryQuestions } from '../core/history-questions.js';
import type { CommentRecord, MilestoneRecord, RepositoryActivity, RepositoryRecord, ReviewRecord } from '../core/records.js';
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
  const readItems = async <R extends { number: number }>(table: 'pull_requests' | 'issues', reader: ArrayRowReader<R>, numbers: readonly number[]) => {
    const records: R[] = [];
    for (const chunk of chunksOf([...numbers].sort((a, b) => a - b))) {
      records.push(
        ...(await readRecords(context, reader, sql`SELECT ${columnList(reader as ArrayRowReader<unknown>)} FROM ${sql.table(table)}
          WHERE ${inRepo} AND ${current} AND number IN (${sql.join(chunk)}) ORDER BY number`)),
      );
    }
    return records;
  };
  const [prs, issues] = await Promise.all([
    readItems('pull_requests', PULL_REQUEST_READER, [...full.pullRequests, ...reviewedOnly]),
    readItems('issues', ISSUE_READER, [...full.issues]),
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
  const childrenOf = <R>(child: ChildTable<R>, reviewedRows: RawBuilder<SqlBool> | null) =>
    readChildrenOf(context, child, since, items, reviewedRows && { numbers: reviewedNumbers, since: reviewed.since, where: reviewedRows });
  const [reviews, comments, events, releases, contributors, files] = await Promise.all([
    childrenOf(REVIEWS, sql`1 = 1`),
    // Of a PR read for its reviewers, only review commands (`/lgtm`) count as reviews.
    childrenOf(COMMENTS, sql`on_pull_request = 1 AND commands <> '[]'`),
    childrenOf(timelineEventsOf(options.eventKinds), null),
    db.selectFrom('releases').selectAll().where(inRepo).orderBy('id').execute(),
    db.selectFrom('contributors').selectAll().where(inRepo).orderBy('login').execute(),
    readFiles(db, inRepo, prs.map((pr) => pr.number)),
  ]);
  // Logins the records read show active in a range are active in it; the store is asked about the others only.
  const { kinds, ranges } = options.history.activity;
  const seenActive = ranges.map((range) => listActiveIn(range, kinds, only.logins, { pullRequests: prs, reviews, comments }));
  const unseen = only.logins.filter((login) => seenActive.some((active) => !active.has(login)));
  // The selected authors' first PRs along the author index; the rest of the history as the whole read has it.
  const [history, pullRequestAuthors] = await Promise.all([
    readHistory(db, inRepo, options.history, { authors: [], logins: unseen }),
    readFirstPullRequests(db, inRepo, only.authors, options.history.earliestPullRequests),
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
    pullRequestFiles: files.map((row) => ({ repoId: context.repoId, prNumber: row.pr_number, paths: JSON.parse(row.paths) as string[] })),
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
 * on that `reviewed.where` keeps; in the table's order.
 */
async function readChildrenOf<R>(
  context: ReadContext,
  child: ChildTable<R>,
  since: string,
  items: SelectedItems,
  reviewed: { numbers: ReadonlySet<number>; since: string; where: RawBuilder<SqlBool> } | null,
): Promise<R[]> {
  const records: R[] = [];
  const read = async (pullRequests: boolean, numbers: readonly number[], keep: (record: R, itemNumber: number) => boolean) => {
    for (const chunk of chunksOf(numbers)) {
      const rows = await context.rows(
        sql`SELECT ${columnList(child.reader as ArrayRowReader<unknown>)}, ${sql.ref(child.itemNumber)} FROM ${sql.table(child.table)}
          WHERE ${context.inRepo} AND ${child.side(pullRequests)} AND ${sql.ref(child.itemNumber)} IN (${sql.join(chunk)}) AND ${child.where}`.compile(context.db),
      );
      for (const values of rows) {
        const record = child.reader.read(values, context.repoId);
        if (keep(record, values[values.length - 1] as number)) records.push(record);
      }
    }
  };
  const fromSince = (older: ReadonlySet<number>) => (record: R, itemNumber: number) => {
    const at = child.timeOf(record);
    return older.has(itemNumber) || (at === null ? child.untimed === true : at >= since);
  };
  await read(true, items.pullRequests.whole.map((pr) => pr.number), fromSince(items.pullRequests.older));
  await read(false, items.issues.whole.map((issue) => issue.number), fromSince(items.issues.older));
  if (reviewed && reviewed.numbers.size > 0) {
    // From a time on, read along the time index; few of those rows are of other PRs.
    const rows = await context.rows(
      sql`SELECT ${columnList(child.reader as ArrayRowReader<unknown>)}, ${sql.ref(child.itemNumber)} FROM ${sql.table(child.table)}
        WHERE ${context.inRepo} AND ${sql.ref(child.time)} >= ${reviewed.since} AND ${reviewed.where}`.compile(context.db),
    );
    for (const values of rows) if (reviewed.numbers.has(values[values.length - 1] as number)) records.push(child.reader.read(values, context.repoId));
  }
  return records.sort(child.compare);
}
