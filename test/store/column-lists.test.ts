import { describe, expect, it } from 'vitest';
import {
  COMMENT_READER,
  defineArrayRowReader,
  EVENT_READER,
  ISSUE_READER,
  PULL_REQUEST_READER,
  REVIEW_READER,
} from '../../src/store/array-row-readers.js';
import { PULL_REQUEST_MERGE } from '../../src/store/kysely-store.js';
import { commentToRow, eventToRow, issueToRow, pullRequestToRow, reviewToRow } from '../../src/store/row-mapping.js';
import { aComment, anEvent, anIssue, aPullRequest, aReview } from '../metrics/builders.js';

/** A row's columns as the row mapping writes them, but those a reader takes from the query or leaves to the merge. */
const readable = (row: object, notRead: string[]) =>
  Object.keys(row).filter((column) => !['installation_id', 'repo_id', ...notRead].includes(column)).sort();

describe('the stored columns', () => {
  it('are read back, each of them, by the report readers', () => {
    expect([...PULL_REQUEST_READER.columns].sort()).toEqual(readable(pullRequestToRow(1, aPullRequest()), ['version', 'detail_version']));
    expect([...ISSUE_READER.columns].sort()).toEqual(readable(issueToRow(1, anIssue()), ['version']));
    expect([...REVIEW_READER.columns].sort()).toEqual(readable(reviewToRow(1, aReview(1, 'ada', '2026-01-01T00:00:00Z')), ['version']));
    expect([...COMMENT_READER.columns].sort()).toEqual(readable(commentToRow(1, aComment(1, 'ada', '2026-01-01T00:00:00Z')), ['version']));
    expect([...EVENT_READER.columns].sort()).toEqual(readable(eventToRow(1, anEvent(1, 'labeled', '2026-01-01T00:00:00Z')), []));
  });

  it('of a pull request each have a merge rule', () => {
    expect(Object.keys(PULL_REQUEST_MERGE).sort()).toEqual(Object.keys(pullRequestToRow(1, aPullRequest())).sort());
  });

  it('left out of a reader fail compilation', () => {
    const leaveOutCommitId = () =>
      // @ts-expect-error `commit_id` is neither read nor declared unread: the call asks for an argument naming it
      defineArrayRowReader({ table: 'reviews', notRead: ['version'], columns: ['id', 'pr_number', 'author', 'author_type', 'state', 'submitted_at'], read: (values) => values });
    const complete = () =>
      defineArrayRowReader({ table: 'reviews', notRead: ['version', 'commit_id'], columns: ['id', 'pr_number', 'author', 'author_type', 'state', 'submitted_at'], read: (values) => values });
    expect([leaveOutCommitId, complete].every((define) => typeof define === 'function')).toBe(true);
  });
});
