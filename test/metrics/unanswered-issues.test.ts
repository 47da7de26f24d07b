import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeUnansweredIssues } from '../../src/metrics/unanswered-issues.js';
import { aComment, aContext, anActivity, anIssue, WINDOW_TO } from './builders.js';

const ago = (hours: number) => new Date(WINDOW_TO - hours * 3_600_000).toISOString();
const onIssue = { onPullRequest: false };

describe('unanswered_issues', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: number }>([
    { case: 'none', activity: anActivity(), expected: 0 },
    {
      case: 'open and silent for more than 72 h',
      activity: anActivity({ issues: [anIssue({ createdAt: ago(80) }), anIssue({ createdAt: ago(60) })] }),
      expected: 1,
    },
    {
      case: 'answered by a human non-author before `to`; answers after `to` do not count yet',
      activity: anActivity({
        issues: [anIssue({ number: 1, createdAt: ago(100) }), anIssue({ number: 2, createdAt: ago(100) })],
        comments: [aComment(1, 'alice', ago(95), onIssue), aComment(2, 'alice', new Date(WINDOW_TO + 1).toISOString(), onIssue)],
      }),
      expected: 1,
    },
    {
      case: 'issues by bots are left out',
      activity: anActivity({ issues: [anIssue({ createdAt: ago(100), author: 'stale[bot]', authorType: 'Bot' })] }),
      expected: 0,
    },
  ])('$case', ({ activity, expected }) => {
    expect(computeUnansweredIssues(aContext(activity))).toBe(expected);
  });
});
