import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqlBool, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeActivity } from '../../src/bench/store-activity.js';
import type { IssueRecord, RepositoryActivity } from '../../src/core/records.js';
import { type ArrayRowReader, COMMENT_READER, EVENT_READER, ISSUE_READER, PULL_REQUEST_READER, REVIEW_READER } from '../../src/store/array-row-readers.js';
import type { Database } from '../../src/store/database.js';
import { openStore } from '../../src/store/open-store.js';
import { columnList, readRecords } from '../../src/store/read-activity.js';
import { sqliteArrayRows } from '../../src/store/read-array-rows.js';
import { TEST_BACKENDS } from '../helpers/stores.js';
import { aComment, anActivity, anEvent, anIssue, aPullRequest, aReview } from '../metrics/builders.js';

const T1 = '2026-01-05T10:00:00.000Z';
const T2 = '2026-02-05T10:00:00.000Z';
const T3 = '2026-03-05T10:00:00.000Z';

/**
 * Records whose columns take each way a reader's `sent` selects them: the usual value (sent as `NULL`) and another,
 * a value equal to the column it is sent the same as and a different one, values of a coded list and values outside
 * it (a new actor type or association GitHub may add one day).
 */
function activityWithEveryWay(): RepositoryActivity {
  const issues: IssueRecord[] = [
    { ...anIssue({ number: 10, state: 'closed', createdAt: T1, updatedAt: T2, closedAt: T2, labels: [], assignees: [] }), closedBy: null },
    { ...anIssue({ number: 11, state: 'open', createdAt: T1, updatedAt: T3, closedAt: null, labels: ['bug'], assignees: ['ada', 'bo'], authorType: 'Enterprise', authorAssociation: 'NEW_ROLE' }), closedBy: null },
  ];
  return anActivity({
    pullRequests: [
      aPullRequest({ number: 1, state: 'closed', createdAt: T1, updatedAt: T3, closedAt: T3, mergedAt: T3, labels: [], authorAssociation: 'MEMBER', openedAuthorAssociation: 'CONTRIBUTOR' }),
      aPullRequest({ number: 2, state: 'closed', createdAt: T1, updatedAt: T3, closedAt: T2, mergedAt: null, labels: ['area/ui'], authorType: 'Enterprise', authorAssociation: 'NEW_ROLE', openedAuthorAssociation: null }),
      aPullRequest({ number: 3, state: 'open', createdAt: T1, updatedAt: T2, closedAt: null, mergedAt: null, authorType: 'Bot', authorAssociation: 'NONE', openedAuthorAssociation: null }),
    ],
    issues,
    reviews: [
      aReview(1, 'ada', T2, { id: 501, state: 'APPROVED' }),
      aReview(1, 'bo', T3, { id: 502, state: 'DISMISSED', authorType: 'Enterprise' }),
      aReview(2, 'cy', T1, { id: 503, state: 'PENDING', submittedAt: null }),
    ],
    comments: [
      aComment(1, 'ada', T1, { id: 601, updatedAt: T1 }),
      aComment(1, 'ada', T1, { id: 602, updatedAt: T2, commands: ['lgtm', 'close'] }),
      aComment(2, 'bo', T2, { id: 603, kind: 'review', updatedAt: T2, authorType: 'Enterprise' }),
      aComment(10, 'cy', T2, { id: 604, onPullRequest: false, updatedAt: T3 }),
    ],
    events: [
      anEvent(1, 'closed', T3, { actor: null }),
      anEvent(1, 'review_requested', T2, { actor: 'ada', subject: 'bo', subjectType: 'user' }),
      anEvent(2, 'review_requested', T2, { actor: 'ada', subject: 'acme/reviewers', subjectType: 'team' }),
      anEvent(11, 'reopened', T3, { itemKind: 'issue', actor: 'cy' }),
      anEvent(10, 'closed', T2, { itemKind: 'issue', actor: 'cy' }),
    ],
  });
}

const byId = <R extends { id: number }>(records: readonly R[]) => [...records].sort((a, b) => a.id - b.id);
const byItemKindAt = <R extends { itemNumber: number; kind: string; at: string }>(records: readonly R[]) =>
  [...records].sort((a, b) => a.itemNumber - b.itemNumber || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.at < b.at ? -1 : 1));

describe.each(TEST_BACKENDS)('columns sent as codes or NULL ($name)', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  const activity = activityWithEveryWay();

  beforeAll(async () => {
    opened = await backend.open();
    await storeActivity(opened.store, activity);
  });
  afterAll(() => opened.drop());

  it('are read back as stored, the usual, the equal and the unlisted values alike', async () => {
    const read = (await opened.store.loadActivity(1, 1))!;
    expect(read.pullRequests).toEqual(activity.pullRequests);
    expect(read.issues.map((issue) => ({ ...issue, closedBy: null }))).toEqual(activity.issues);
    expect(read.issues.find((issue) => issue.number === 10)?.closedBy).toBe('cy');
    expect(byId(read.reviews)).toEqual(byId(activity.reviews));
    expect(byId(read.comments)).toEqual(byId(activity.comments));
    expect(byItemKindAt(read.events)).toEqual(byItemKindAt(activity.events));
  });
});

describe('columns sent as codes or NULL on SQLite', () => {
  let dir: string;
  let database: SQLite.Database;
  let db: Kysely<Database>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-sent-'));
    const file = join(dir, 'store.db');
    const store = await openStore(`sqlite:${file}`);
    await storeActivity(store, activityWithEveryWay());
    await store.close();
    database = new SQLite(file);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  // What the driver makes a string of is what costs: the coded and usual values must not come as text.
  it('come from the database as numbers and NULLs where they can, and as text otherwise', async () => {
    const rows = sqliteArrayRows(database);
    const context = { db, rows, repoId: 1, inRepo: sql<SqlBool>`1 = 1` };
    const select = async (reader: ArrayRowReader<unknown>, table: 'comments' | 'timeline_events' | 'pull_requests', order: string) => {
      const query = sql`SELECT ${columnList(context, reader)} FROM ${sql.table(table)} ORDER BY ${sql.ref(order)}`.compile(db);
      const columns = reader.columns;
      return (await rows(query)).map((values) => Object.fromEntries(columns.map((column, i) => [column, values[i]])));
    };
    const comments = await select(COMMENT_READER, 'comments', 'id');
    expect(comments.map((row) => [row.kind, row.author_type, row.updated_at, row.commands])).toEqual([
      [0, 0, null, null],
      [0, 0, T2, '["lgtm","close"]'],
      [1, 'Enterprise', null, null],
      [0, 0, T3, null],
    ]);
    const events = await select(EVENT_READER, 'timeline_events', 'at');
    expect(events.find((row) => row.subject_type === 2)).toMatchObject({ item_kind: 0, subject: 'acme/reviewers' });
    expect(events.filter((row) => row.subject === null).length).toBe(3);
    const pullRequests = await select(PULL_REQUEST_READER, 'pull_requests', 'number');
    expect(pullRequests.map((row) => [row.author_type, row.author_association, row.state, row.labels, row.updated_at])).toEqual([
      [0, 5, 1, null, null],
      ['Enterprise', 'NEW_ROLE', 1, '["area/ui"]', T3],
      [1, 0, 0, null, T2],
    ]);
    // And the records read from them are the stored ones.
    const read = await readRecords(context, PULL_REQUEST_READER, sql`SELECT ${columnList(context, PULL_REQUEST_READER)} FROM pull_requests ORDER BY number`);
    expect(read).toEqual(activityWithEveryWay().pullRequests);
    for (const reader of [ISSUE_READER, REVIEW_READER]) expect(reader.sent.some((how) => how !== undefined)).toBe(true);
  });
});
