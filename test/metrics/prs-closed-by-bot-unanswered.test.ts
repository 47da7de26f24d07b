import { describe, expect, it } from 'vitest';
import type { RepositoryActivity } from '../../src/core/records.js';
import { computeFirstPrsClosedByBotUnanswered } from '../../src/metrics/first-prs-closed-by-bot-unanswered.js';
import { computePrsClosedByBotUnanswered, listPullRequestsClosedByBotUnanswered } from '../../src/metrics/prs-closed-by-bot-unanswered.js';
import { aComment, aContext, anActivity, anEvent, aMergedPullRequest, aPullRequest, aReview, t } from './builders.js';

const closedPr = (number: number, closedAt: string, author = 'newbie') =>
  aPullRequest({ number, author, createdAt: t(0), state: 'closed', closedAt });
const closedBy = (number: number, actor: string, at: string) => anEvent(number, 'closed', at, { actor });

describe('prs_closed_by_bot_unanswered', () => {
  it.each<{ case: string; activity: RepositoryActivity; expected: number; ignoreUsers?: string[] }>([
    { case: 'closed by a [bot] with no response', activity: anActivity({ pullRequests: [closedPr(1, t(300))], events: [closedBy(1, 'stale[bot]', t(300))] }), expected: 1 },
    {
      case: 'a bot account named in ignoreUsers is a bot',
      activity: anActivity({ pullRequests: [closedPr(1, t(300))], events: [closedBy(1, 'k8s-triage-robot', t(300))] }),
      ignoreUsers: ['k8s-triage-robot'],
      expected: 1,
    },
    { case: 'closed by a human', activity: anActivity({ pullRequests: [closedPr(1, t(300))], events: [closedBy(1, 'alice', t(300))] }), expected: 0 },
    { case: 'closing actor unknown', activity: anActivity({ pullRequests: [closedPr(1, t(300))] }), expected: 0 },
    {
      case: 'answered by a human before the close',
      activity: anActivity({ pullRequests: [closedPr(1, t(300))], comments: [aComment(1, 'alice', t(10))], events: [closedBy(1, 'stale[bot]', t(300))] }),
      expected: 0,
    },
    {
      case: 'only /retest, /assign and the bot’s own stale warnings before the close: unanswered',
      activity: anActivity({
        pullRequests: [closedPr(1, t(300))],
        comments: [
          aComment(1, 'alice', t(10), { commands: ['retest'] }),
          aComment(1, 'alice', t(11), { commands: ['assign'] }),
          aComment(1, 'stale[bot]', t(200)),
          aComment(1, 'newbie', t(201)),
        ],
        events: [closedBy(1, 'stale[bot]', t(300))],
      }),
      expected: 1,
    },
    {
      case: 'a /lgtm before the close is an answer',
      activity: anActivity({ pullRequests: [closedPr(1, t(300))], comments: [aComment(1, 'alice', t(10), { commands: ['lgtm'] })], events: [closedBy(1, 'stale[bot]', t(300))] }),
      expected: 0,
    },
    {
      case: 'a review before the close is an answer',
      activity: anActivity({ pullRequests: [closedPr(1, t(300))], reviews: [aReview(1, 'alice', t(10))], events: [closedBy(1, 'stale[bot]', t(300))] }),
      expected: 0,
    },
    {
      case: 'a human’s /close carried out by the bot is the human’s close',
      activity: anActivity({
        pullRequests: [closedPr(1, t(300))],
        comments: [aComment(1, 'alice', t(299), { commands: ['close'] })],
        events: [closedBy(1, 'k8s-ci-robot[bot]', t(300))],
      }),
      expected: 0,
    },
    {
      case: 'a bot’s /close is still the bot’s',
      activity: anActivity({
        pullRequests: [closedPr(1, t(300))],
        comments: [aComment(1, 'stale[bot]', t(299), { commands: ['close'] })],
        events: [closedBy(1, 'k8s-ci-robot[bot]', t(300))],
      }),
      expected: 1,
    },
    {
      case: 'reopened by a human and closed again by a bot: the last close decides',
      activity: anActivity({
        pullRequests: [closedPr(1, t(300))],
        events: [closedBy(1, 'alice', t(100)), anEvent(1, 'reopened', t(101), { actor: 'alice' }), closedBy(1, 'stale[bot]', t(300))],
      }),
      expected: 1,
    },
    {
      case: 'merged by a bot (tide) is no stale close',
      activity: anActivity({ pullRequests: [aMergedPullRequest(t(300), { number: 1, createdAt: t(0) })], events: [closedBy(1, 'k8s-ci-robot[bot]', t(300))] }),
      expected: 0,
    },
    { case: 'closed before the window', activity: anActivity({ pullRequests: [closedPr(1, t(-1))], events: [closedBy(1, 'stale[bot]', t(-1))] }), expected: 0 },
    {
      case: 'a bot’s own PR is left out',
      activity: anActivity({ pullRequests: [closedPr(1, t(300), 'dependabot[bot]')], events: [closedBy(1, 'stale[bot]', t(300))] }),
      expected: 0,
    },
  ])('$case → $expected', ({ activity, expected, ignoreUsers }) => {
    expect(computePrsClosedByBotUnanswered(aContext(activity, { ignoreUsers }))).toBe(expected);
  });

  it('lists the PRs behind the count', () => {
    const activity = anActivity({
      pullRequests: [closedPr(1, t(300)), closedPr(2, t(310)), closedPr(3, t(320))],
      events: [closedBy(1, 'stale[bot]', t(300)), closedBy(2, 'alice', t(310)), closedBy(3, 'stale[bot]', t(320))],
    });
    expect(listPullRequestsClosedByBotUnanswered(aContext(activity)).map((pr) => pr.record.number)).toEqual([1, 3]);
  });
});

describe('first_prs_closed_by_bot_unanswered', () => {
  it('counts only their authors’ first PRs among them', () => {
    const activity = anActivity({
      pullRequests: [
        aPullRequest({ number: 1, author: 'regular', createdAt: t(-500) }),
        closedPr(2, t(300), 'regular'),
        closedPr(3, t(300), 'newcomer'),
        closedPr(4, t(300), 'other-newcomer'),
      ],
      events: [closedBy(2, 'stale[bot]', t(300)), closedBy(3, 'stale[bot]', t(300)), closedBy(4, 'alice', t(300))],
    });
    expect(computePrsClosedByBotUnanswered(aContext(activity))).toBe(2);
    expect(computeFirstPrsClosedByBotUnanswered(aContext(activity))).toBe(1);
  });
});
