import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeUnansweredPrs } from '../../src/metrics/unanswered-prs.js';
import { aComment, aContext, anActivity, anEvent, aPullRequest, t, WINDOW_TO } from './builders.js';

/** Hours before the window's end (`to`). */
const ago = (hours: number) => new Date(WINDOW_TO - hours * 3_600_000).toISOString();

describe('unanswered_prs', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: number }>([
    { case: 'none', activity: anActivity(), expected: 0 },
    {
      case: 'open, no response, older than 72 h counts; younger does not',
      activity: anActivity({ pullRequests: [aPullRequest({ createdAt: ago(73) }), aPullRequest({ createdAt: ago(71) })] }),
      expected: 1,
    },
    {
      case: 'a human response before `to` answers it; a bot or the author does not',
      activity: anActivity({
        pullRequests: [aPullRequest({ number: 1, createdAt: ago(100) }), aPullRequest({ number: 2, createdAt: ago(100) })],
        comments: [aComment(1, 'alice', ago(90)), aComment(2, 'ci[bot]', ago(90)), aComment(2, 'newbie', ago(80))],
      }),
      expected: 1,
    },
    {
      case: 'closed PRs, drafts and never-ready drafts are not waiting',
      activity: anActivity({
        pullRequests: [
          aPullRequest({ createdAt: ago(100), state: 'closed', closedAt: ago(10) }),
          aPullRequest({ createdAt: ago(100), draft: true }),
          aPullRequest({ number: 9, createdAt: ago(100) }),
        ],
        events: [anEvent(9, 'converted_to_draft', ago(99))],
      }),
      expected: 0,
    },
    {
      case: 'the age is measured from ready-for-review, without draft time',
      activity: anActivity({
        pullRequests: [aPullRequest({ number: 3, createdAt: ago(500), draft: true }), aPullRequest({ number: 4, createdAt: ago(200) })],
        events: [
          anEvent(3, 'ready_for_review', ago(50)),
          anEvent(4, 'converted_to_draft', ago(190)),
          anEvent(4, 'ready_for_review', ago(10)),
        ],
      }),
      expected: 0,
    },
    {
      case: 'a PR closed after `to` was still open at `to`',
      activity: anActivity({ pullRequests: [aPullRequest({ createdAt: ago(100), state: 'closed', closedAt: t(28 * 24 + 5) })] }),
      expected: 1,
    },
  ])('$case', ({ activity, expected }) => {
    expect(computeUnansweredPrs(aContext(activity))).toBe(expected);
  });

  it('uses slaHours', () => {
    const activity = anActivity({ pullRequests: [aPullRequest({ createdAt: ago(30) })] });
    expect(computeUnansweredPrs(aContext(activity, { slaHours: 24 }))).toBe(1);
    expect(computeUnansweredPrs(aContext(activity, { slaHours: 48 }))).toBe(0);
  });
});
