import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/core/records.js';
import { collectConfigProblems } from '../../src/publish/collect-config-problems.js';
import { findContestedReview } from '../../src/publish/find-contested-review.js';
import { isFirstContribution } from '../../src/publish/is-first-contribution.js';
import { tellFirstPullRequest } from '../../src/metrics/tell-first-pull-request.js';

function aReview(author: string, state: ReviewRecord['state'], submittedAt: string, overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return { repoId: 1, id: Date.parse(submittedAt), prNumber: 7, author, authorType: 'User', state, submittedAt, commitId: null, ...overrides };
}

describe('findContestedReview', () => {
  const pull = { number: 7, author: 'newbie' };

  it('is contested when, by each reviewer’s latest standing, one approves and another requests changes', () => {
    const reviews = [
      aReview('alice', 'APPROVED', '2026-11-01T00:00:00Z'),
      aReview('bob', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z'),
      aReview('bob', 'COMMENTED', '2026-11-03T00:00:00Z'),
    ];
    expect(findContestedReview(reviews, pull)).toEqual({ approvedBy: ['alice'], changesRequestedBy: ['bob'] });
  });

  it('is settled when the objector later approves or the request is dismissed', () => {
    const base = [aReview('alice', 'APPROVED', '2026-11-01T00:00:00Z'), aReview('bob', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z')];
    expect(findContestedReview([...base, aReview('bob', 'APPROVED', '2026-11-03T00:00:00Z')], pull)).toBeNull();
    expect(findContestedReview([...base, aReview('bob', 'DISMISSED', '2026-11-03T00:00:00Z')], pull)).toBeNull();
  });

  it('leaves out bots, ignored users, the author, pending reviews and other pull requests', () => {
    const approve = aReview('alice', 'APPROVED', '2026-11-01T00:00:00Z');
    for (const other of [
      aReview('ci[bot]', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z'),
      aReview('robo', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z', { authorType: 'Bot' }),
      aReview('tidy', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z'),
      aReview('Newbie', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z'),
      aReview('carol', 'PENDING', '2026-11-02T00:00:00Z'),
      aReview('dave', 'CHANGES_REQUESTED', '2026-11-02T00:00:00Z', { prNumber: 8 }),
    ]) {
      expect(findContestedReview([approve, other], pull, ['TIDY'])).toBeNull();
    }
  });
});

describe('isFirstContribution: the metrics\' rule (docs/fallacies.md, "Whose first PR is it")', () => {
  const pr = (number: number, author: string, openedAuthorAssociation: string | null = null) => ({
    number,
    author,
    createdAt: `2026-11-${String(number).padStart(2, '0')}T00:00:00Z`,
    openedAuthorAssociation,
    draft: false,
  });
  const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => ({ number: from + index }));
  /** Items #1–#9 stored (issues), so nothing before #10 can be missing. */
  const complete = (...pulls: ReturnType<typeof pr>[]) => ({ pullRequests: pulls, issues: numbers(1, 9).filter((item) => !pulls.some((p) => p.number === item.number)) });
  /** Items #1–#4 never imported: an earlier PR by the author may be missing. */
  const gap = (...pulls: ReturnType<typeof pr>[]) => ({ pullRequests: pulls, issues: numbers(5, 9).filter((item) => !pulls.some((p) => p.number === item.number)) });
  const history = (searchedFirstNumber: number | null | undefined, firstNumber = 10) => ({
    pullRequests: [pr(10, 'newbie')],
    issues: [],
    history: {
      contiguousThrough: 0,
      pullRequestAuthors: [
        {
          author: 'newbie',
          firstNumber,
          firstCreatedAt: '2026-11-10T00:00:00Z',
          secondCreatedAt: null,
          ...(searchedFirstNumber === undefined ? {} : { searchedFirstNumber }),
        },
      ],
    },
  });

  it.each([
    ['complete numbering, NONE: first', { authorAssociation: 'NONE' }, complete(pr(10, 'newbie')), true],
    ['complete numbering, MEMBER: a member\'s first PR is still a first PR', { authorAssociation: 'MEMBER' }, complete(pr(10, 'newbie')), true],
    ['complete numbering, OWNER: first', { authorAssociation: 'OWNER' }, complete(pr(10, 'newbie')), true],
    ['complete numbering, FIRST_TIME_CONTRIBUTOR: first', { authorAssociation: 'FIRST_TIME_CONTRIBUTOR' }, complete(pr(10, 'newbie')), true],
    ['an earlier stored PR by the author (any case) rules it out, FIRST_TIMER or not', { authorAssociation: 'FIRST_TIMER' }, complete(pr(3, 'NEWBIE'), pr(10, 'newbie')), false],
    ['gap, NONE: cannot tell, so no welcome', { authorAssociation: 'NONE' }, gap(pr(10, 'newbie')), false],
    ['gap, FIRST_TIME_CONTRIBUTOR: no earlier commit, an earlier unmerged PR may be missing', { authorAssociation: 'FIRST_TIME_CONTRIBUTOR' }, gap(pr(10, 'newbie')), false],
    ['gap, MEMBER: a role, not a past', { authorAssociation: 'MEMBER' }, gap(pr(10, 'newbie')), false],
    ['gap, CONTRIBUTOR stored at opening: contributed before', { authorAssociation: 'NONE' }, gap(pr(10, 'newbie', 'CONTRIBUTOR')), false],
    ['gap, opening not seen, the event says CONTRIBUTOR', { authorAssociation: 'CONTRIBUTOR' }, gap(), false],
    ['history: the search names this PR as the earliest', { authorAssociation: 'NONE' }, history(10), true],
    ['history: the search names an earlier PR', { authorAssociation: 'NONE' }, history(3), false],
    ['history: the search found nothing (yet), not conclusive', { authorAssociation: 'NONE' }, history(null), false],
    ['history: not searched', { authorAssociation: 'FIRST_TIME_CONTRIBUTOR' }, history(undefined), false],
    ['history: an earlier stored first PR', { authorAssociation: 'NONE' }, history(undefined, 4), false],
  ])('%s', (_, association, activity, expected) => {
    expect(isFirstContribution({ number: 10, author: 'newbie', ...association }, activity)).toBe(expected);
  });

  it('agrees with the metrics on every case: welcomed exactly when tellFirstPullRequest says true', () => {
    const cases = [
      { associations: ['NONE', 'MEMBER', 'FIRST_TIME_CONTRIBUTOR', 'CONTRIBUTOR'], contiguousThrough: 9 },
      { associations: ['NONE', 'MEMBER', 'FIRST_TIME_CONTRIBUTOR', 'CONTRIBUTOR'], contiguousThrough: 0 },
    ];
    for (const { associations, contiguousThrough } of cases) {
      for (const association of associations) {
        for (const searched of [undefined, null, 3, 10]) {
          const activity = {
            pullRequests: [pr(10, 'newbie', association)],
            issues: [],
            history: {
              contiguousThrough,
              pullRequestAuthors: [
                { author: 'newbie', firstNumber: 10, firstCreatedAt: '2026-11-10T00:00:00Z', secondCreatedAt: null, ...(searched === undefined ? {} : { searchedFirstNumber: searched }) },
              ],
            },
          };
          const metrics = tellFirstPullRequest({ number: 10, openedAssociation: association, searchedFirstNumber: searched }, contiguousThrough);
          expect(isFirstContribution({ number: 10, author: 'newbie', authorAssociation: association }, activity)).toBe(metrics === true);
        }
      }
    }
  });
});

describe('collectConfigProblems', () => {
  it('names the key, points at the config file line, and adds area-source errors as warnings', () => {
    expect(
      collectConfigProblems(
        { errors: [{ path: 'windowDays', message: 'expected a number', line: 2 }], warnings: [{ path: 'colour', message: 'unknown key (ignored)' }] },
        [{ file: '.github/CODEOWNERS', line: 4, message: 'unknown owner syntax' }],
      ),
    ).toEqual([
      { severity: 'error', message: 'windowDays: expected a number', path: '.github/fallacy-watch.yml', line: 2 },
      { severity: 'warning', message: 'colour: unknown key (ignored)', path: '.github/fallacy-watch.yml' },
      { severity: 'warning', message: 'unknown owner syntax', path: '.github/CODEOWNERS', line: 4 },
    ]);
  });
});
