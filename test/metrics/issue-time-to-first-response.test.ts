import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeIssueTimeToFirstResponse } from '../../src/metrics/issue-time-to-first-response.js';
import { aComment, aContext, anActivity, anEvent, anIssue, t } from './builders.js';

const issue = anIssue({ number: 1, author: 'reporter', createdAt: t(10) });
const onIssue = { onPullRequest: false };

describe('issue_time_to_first_response_hours', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: { n: number; p50: number | null; p90: number | null } }>([
    { case: 'no issues → n 0', activity: anActivity(), expected: { n: 0, p50: null, p90: null } },
    {
      case: 'created → first comment by a human non-author',
      activity: anActivity({
        issues: [issue],
        comments: [
          aComment(1, 'reporter', t(11), onIssue),
          aComment(1, 'triage[bot]', t(11), onIssue),
          aComment(1, 'alice', t(13), onIssue),
        ],
      }),
      expected: { n: 1, p50: 3, p90: 3 },
    },
    {
      case: 'a close by a human non-author is a response',
      activity: anActivity({
        issues: [anIssue({ number: 2, createdAt: t(0), state: 'closed', closedAt: t(7), closedBy: 'alice' })],
      }),
      expected: { n: 1, p50: 7, p90: 7 },
    },
    {
      case: "the author's own close is not; an earlier close by someone else from the timeline is",
      activity: anActivity({
        issues: [
          anIssue({ number: 3, author: 'reporter', createdAt: t(0), state: 'closed', closedAt: t(7), closedBy: 'reporter' }),
          anIssue({ number: 4, createdAt: t(0), state: 'closed', closedAt: t(50), closedBy: 'reporter' }),
        ],
        events: [anEvent(4, 'closed', t(20), { itemKind: 'issue', actor: 'bob' }), anEvent(4, 'reopened', t(21), { itemKind: 'issue' })],
      }),
      expected: { n: 1, p50: 20, p90: 20 },
    },
    {
      case: 'issues opened outside the window are not samples',
      activity: anActivity({ issues: [anIssue({ number: 5, createdAt: t(-1) })], comments: [aComment(5, 'alice', t(1), onIssue)] }),
      expected: { n: 0, p50: null, p90: null },
    },
  ])('$case', ({ activity, expected }) => {
    expect(computeIssueTimeToFirstResponse(aContext(activity))).toEqual(expected);
  });
});
