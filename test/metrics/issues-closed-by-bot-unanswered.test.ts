import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeIssuesClosedByBotUnanswered, listIssuesClosedByBotUnanswered } from '../../src/metrics/issues-closed-by-bot-unanswered.js';
import { aComment, aContext, anActivity, anEvent, anIssue, t } from './builders.js';

const closedIssue = (number: number, closedAt: string, overrides: Parameters<typeof anIssue>[0] = {}) =>
  anIssue({ number, createdAt: t(0), state: 'closed', closedAt, ...overrides });
const closedBy = (number: number, actor: string, at: string) => anEvent(number, 'closed', at, { actor, itemKind: 'issue' });

describe('issues_closed_by_bot_unanswered', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: number }>([
    { case: 'closed by a bot with no response', activity: anActivity({ issues: [closedIssue(1, t(300))], events: [closedBy(1, 'stale[bot]', t(300))] }), expected: 1 },
    {
      case: 'the snapshot’s closer when no event says',
      activity: anActivity({ issues: [closedIssue(1, t(300), { closedBy: 'stale[bot]' })] }),
      expected: 1,
    },
    { case: 'closed by a human', activity: anActivity({ issues: [closedIssue(1, t(300))], events: [closedBy(1, 'alice', t(300))] }), expected: 0 },
    {
      case: 'a /kind or /triage command is no answer',
      activity: anActivity({
        issues: [closedIssue(1, t(300))],
        comments: [aComment(1, 'alice', t(5), { onPullRequest: false, commands: ['kind', 'triage'] })],
        events: [closedBy(1, 'stale[bot]', t(300))],
      }),
      expected: 1,
    },
    {
      case: 'a comment by a human non-author is an answer',
      activity: anActivity({ issues: [closedIssue(1, t(300))], comments: [aComment(1, 'alice', t(5), { onPullRequest: false })], events: [closedBy(1, 'stale[bot]', t(300))] }),
      expected: 0,
    },
    {
      case: 'an answer after the close is too late',
      activity: anActivity({ issues: [closedIssue(1, t(300))], comments: [aComment(1, 'alice', t(301), { onPullRequest: false })], events: [closedBy(1, 'stale[bot]', t(300))] }),
      expected: 1,
    },
    {
      case: 'the author’s /close carried out by a bot is the author’s close',
      activity: anActivity({
        issues: [closedIssue(1, t(300))],
        comments: [aComment(1, 'newbie', t(299), { onPullRequest: false, commands: ['close'] })],
        events: [closedBy(1, 'k8s-ci-robot[bot]', t(300))],
      }),
      expected: 0,
    },
    { case: 'closed outside the window', activity: anActivity({ issues: [closedIssue(1, t(700))], events: [closedBy(1, 'stale[bot]', t(700))] }), expected: 0 },
    { case: 'still open', activity: anActivity({ issues: [anIssue({ number: 1, createdAt: t(0) })] }), expected: 0 },
  ])('$case → $expected', ({ activity, expected }) => {
    expect(computeIssuesClosedByBotUnanswered(aContext(activity))).toBe(expected);
  });

  it('lists the issues behind the count', () => {
    const activity = anActivity({
      issues: [closedIssue(1, t(300)), closedIssue(2, t(300))],
      events: [closedBy(1, 'alice', t(300)), closedBy(2, 'stale[bot]', t(300))],
    });
    expect(listIssuesClosedByBotUnanswered(aContext(activity)).map((issue) => issue.record.number)).toEqual([2]);
  });
});
