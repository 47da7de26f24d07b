import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/core/records.js';
import { collectConfigProblems } from '../../src/publish/collect-config-problems.js';
import { findContestedReview } from '../../src/publish/find-contested-review.js';
import { isFirstContribution } from '../../src/publish/is-first-contribution.js';

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

describe('isFirstContribution', () => {
  const history = [
    { number: 1, author: 'eve', createdAt: '2026-10-01T00:00:00Z' },
    { number: 9, author: 'Eve', createdAt: '2026-11-01T00:00:00Z' },
    { number: 10, author: 'newbie', createdAt: '2026-11-02T00:00:00Z' },
  ];
  it.each([
    ['FIRST_TIME_CONTRIBUTOR says so', { number: 9, author: 'Eve', authorAssociation: 'FIRST_TIME_CONTRIBUTOR' }, true],
    ['CONTRIBUTOR rules it out', { number: 10, author: 'newbie', authorAssociation: 'CONTRIBUTOR' }, false],
    ['MEMBER rules it out', { number: 10, author: 'newbie', authorAssociation: 'MEMBER' }, false],
    ['NONE: no earlier PR by the author in the store', { number: 10, author: 'newbie', authorAssociation: 'NONE' }, true],
    ['NONE: an earlier PR by the author (any case)', { number: 9, author: 'Eve', authorAssociation: 'NONE' }, false],
    ['NONE: the earliest PR of its author', { number: 1, author: 'eve', authorAssociation: 'NONE' }, true],
  ])('%s', (_, pull, expected) => {
    expect(isFirstContribution(pull, history)).toBe(expected);
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
