import type { RepositoryActivity } from '../../src/core/records.js';
import { aComment, anActivity, anEvent, aPullRequest, aReview, t } from './builders.js';

/** A single-PR history, whose turn it is at `to` (= t(672)), since when (hours from the window start) and the wait. */
export interface WhoseTurnCase {
  case: string;
  activity: RepositoryActivity;
  side: 'reviewers' | 'author' | null;
  /** For `reviewers`: the clock hours waited at `to`. */
  waitHours?: number;
}

const pr = (overrides: Parameters<typeof aPullRequest>[0] = {}) => aPullRequest({ number: 1, createdAt: t(0), ...overrides });
const changesRequested = (by: string, at: string) => aReview(1, by, at, { state: 'CHANGES_REQUESTED' });
const push = (at: string, actor: string | null = 'newbie') => anEvent(1, 'pushed', at, { actor });

/** Each definition of "whose turn" and its edges, worked out by hand (the author is `newbie`). */
export const WHOSE_TURN_CASES: WhoseTurnCase[] = [
  { case: 'nobody has looked: the reviewers’ turn since the start', activity: anActivity({ pullRequests: [pr({ createdAt: t(600) })] }), side: 'reviewers', waitHours: 72 },
  {
    case: 'a comment or approval does not move the turn',
    activity: anActivity({ pullRequests: [pr()], comments: [aComment(1, 'alice', t(5))], reviews: [aReview(1, 'bob', t(6), { state: 'APPROVED' })] }),
    side: 'reviewers',
    waitHours: 672,
  },
  { case: 'changes requested, author silent: the author’s turn', activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))] }), side: 'author' },
  {
    case: 'the author pushed after the change request: reviewers since the push',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], events: [push(t(200))] }),
    side: 'reviewers',
    waitHours: 472,
  },
  {
    case: 'the author commented after the change request: reviewers since the comment',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], comments: [aComment(1, 'newbie', t(150))] }),
    side: 'reviewers',
    waitHours: 522,
  },
  {
    case: 'a push by someone else is not the author’s answer',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], events: [push(t(150), 'alice')] }),
    side: 'author',
  },
  {
    case: 'a push GitHub cannot attribute (commit by no account) counts as the author’s',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], events: [push(t(150), null)] }),
    side: 'reviewers',
    waitHours: 522,
  },
  {
    case: 'the author’s /retest is no answer',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], comments: [aComment(1, 'newbie', t(150), { commands: ['retest'] })] }),
    side: 'author',
  },
  {
    case: 'a later change request by another reviewer hands the turn back to the author',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100)), changesRequested('bob', t(300))], events: [push(t(150))] }),
    side: 'author',
  },
  {
    case: 'the reviewers wait since the author’s last push or comment after the change request',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], events: [push(t(150)), push(t(400))] }),
    side: 'reviewers',
    waitHours: 272,
  },
  {
    case: 'an author action before the change request does not answer it',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(100))], events: [push(t(50))] }),
    side: 'author',
  },
  {
    case: 'a dismissed change request no longer counts',
    activity: anActivity({ pullRequests: [pr()], reviews: [aReview(1, 'alice', t(100), { state: 'DISMISSED' })] }),
    side: 'reviewers',
    waitHours: 672,
  },
  {
    case: 'a bot’s change request does not count',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('lint[bot]', t(100))] }),
    side: 'reviewers',
    waitHours: 672,
  },
  {
    case: 'a change request after `to` does not count yet',
    activity: anActivity({ pullRequests: [pr()], reviews: [changesRequested('alice', t(700))] }),
    side: 'reviewers',
    waitHours: 672,
  },
  {
    case: 'draft time since the start is not waiting',
    activity: anActivity({ pullRequests: [pr()], events: [anEvent(1, 'converted_to_draft', t(10)), anEvent(1, 'ready_for_review', t(110))] }),
    side: 'reviewers',
    waitHours: 572,
  },
  { case: 'a draft at `to` waits on nobody', activity: anActivity({ pullRequests: [pr({ draft: true, openedAsDraft: true })] }), side: null },
  { case: 'a closed PR waits on nobody', activity: anActivity({ pullRequests: [pr({ state: 'closed', closedAt: t(300) })] }), side: null },
  {
    case: 'a PR closed after `to` was still waiting at `to`',
    activity: anActivity({ pullRequests: [pr({ state: 'closed', closedAt: t(700) })], reviews: [changesRequested('alice', t(100))] }),
    side: 'author',
  },
  { case: 'a bot’s PR is left out', activity: anActivity({ pullRequests: [pr({ author: 'dependabot[bot]', authorType: 'Bot' })] }), side: null },
  { case: 'a PR opened after `to` is not there yet', activity: anActivity({ pullRequests: [pr({ createdAt: t(700) })] }), side: null },
];
