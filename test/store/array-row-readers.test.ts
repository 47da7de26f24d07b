import { describe, expect, it } from 'vitest';
import type { IssueRecord } from '../../src/core/records.js';
import {
  type ArrayRowReader,
  COMMENT_READER,
  createIntern,
  EVENT_READER,
  ISSUE_READER,
  PULL_REQUEST_READER,
  REVIEW_READER,
} from '../../src/store/array-row-readers.js';
import { commentToRow, eventToRow, issueToRow, pullRequestToRow, reviewToRow } from '../../src/store/row-mapping.js';
import { aComment, anEvent, anIssue, aPullRequest, aReview } from '../metrics/builders.js';

const T1 = '2026-01-05T10:00:00.000Z';
const T2 = '2026-02-05T10:00:00.000Z';
const T3 = '2026-03-05T10:00:00.000Z';

/** The values a reader's query returns for a row: its columns, in its order. */
function valuesOf(reader: ArrayRowReader<unknown>, row: object): unknown[] {
  return reader.columns.map((column) => (row as Record<string, unknown>)[column]);
}

/** Reads `rows` as separate strings (the driver makes a new string of every value), with one intern for them all. */
function readBack<R>(reader: ArrayRowReader<R>, rows: object[]): { plain: R[]; interned: R[] } {
  const copied = () => rows.map((row) => valuesOf(reader as ArrayRowReader<unknown>, row).map((value) => (typeof value === 'string' ? `${value} `.slice(0, -1) : value)));
  const intern = createIntern();
  return { plain: copied().map((values) => reader.read(values, 1)), interned: copied().map((values) => reader.read(values, 1, intern)) };
}

describe('the array row readers', () => {
  it('give the stored records back, the same with or without sharing equal strings: equal and different times, nulls, labels, commands', () => {
    const pullRequests = [
      aPullRequest({ state: 'closed', createdAt: T1, updatedAt: T3, closedAt: T3, mergedAt: T3, mergedBy: 'ada', labels: ['bug', 'area/ui'], openedAuthorAssociation: 'CONTRIBUTOR' }),
      aPullRequest({ state: 'closed', createdAt: T1, updatedAt: T3, closedAt: T2, mergedAt: null, mergedBy: null, labels: ['bug'], openedAuthorAssociation: 'NONE' }),
      aPullRequest({ state: 'open', createdAt: T1, updatedAt: T2, closedAt: null, mergedAt: null, openedAuthorAssociation: null }),
    ];
    const issues: IssueRecord[] = [
      { ...anIssue({ state: 'closed', createdAt: T1, updatedAt: T2, closedAt: T2, labels: ['bug'], assignees: ['ada', 'bo'] }), closedBy: null },
      { ...anIssue({ state: 'closed', createdAt: T1, updatedAt: T3, closedAt: T2, labels: [], assignees: [] }), closedBy: null },
    ];
    const reviews = [aReview(1, 'ada', T2), aReview(1, 'ada', T3, { state: 'APPROVED' }), aReview(2, 'bo', T1, { submittedAt: null, state: 'PENDING' })];
    const comments = [
      aComment(1, 'ada', T1, { updatedAt: T1 }),
      aComment(1, 'ada', T1, { updatedAt: T2, commands: ['/lgtm', '/close'] }),
      aComment(2, 'bo', T2, { kind: 'review', updatedAt: T2 }),
    ];
    const events = [anEvent(1, 'closed', T2, { actor: null }), anEvent(1, 'review_requested', T2, { actor: 'ada', subject: 'bo', subjectType: 'user' })];
    const cases = [
      [PULL_REQUEST_READER, pullRequests, pullRequests.map((record) => pullRequestToRow(1, record))],
      [ISSUE_READER, issues, issues.map((record) => issueToRow(1, record))],
      [REVIEW_READER, reviews, reviews.map((record) => reviewToRow(1, record))],
      [COMMENT_READER, comments, comments.map((record) => commentToRow(1, record))],
      [EVENT_READER, events, events.map((record) => eventToRow(1, record))],
    ] as const;
    for (const [reader, records, rows] of cases) {
      const { plain, interned } = readBack(reader as ArrayRowReader<unknown>, rows);
      expect(plain).toEqual(records);
      expect(interned).toEqual(records);
    }
  });

  it('share one string among equal ones within a read, and only equal ones', () => {
    const intern = createIntern();
    const first = intern(`${'ada'} `.slice(0, -1));
    expect(intern('ada')).toBe(first);
    expect(intern('bo')).toBe('bo');
    expect(intern('ada ')).toBe('ada ');
  });
});
