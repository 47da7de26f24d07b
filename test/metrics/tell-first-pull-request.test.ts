import { describe, expect, it } from 'vitest';
import { findCompleteSinceMs, tellFirstPullRequest } from '../../src/metrics/tell-first-pull-request.js';

describe('tellFirstPullRequest', () => {
  it('is true when every item numbered before the PR is stored, whatever the association says', () => {
    expect(tellFirstPullRequest({ number: 8, openedAssociation: 'CONTRIBUTOR' }, 7)).toBe(true);
    expect(tellFirstPullRequest({ number: 1 }, 0)).toBe(true);
  });

  it('is false when GitHub said at its opening that the author had contributed before', () => {
    expect(tellFirstPullRequest({ number: 80, openedAssociation: 'CONTRIBUTOR' }, 7)).toBe(false);
  });

  it.each(['FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MEMBER', 'OWNER', 'COLLABORATOR', 'NONE', null, undefined])(
    'cannot tell from %s at opening when earlier items are missing',
    (association) => {
      expect(tellFirstPullRequest({ number: 80, openedAssociation: association }, 7)).toBeNull();
    },
  );

  it("uses the search's earliest PR when the history and the association cannot tell", () => {
    expect(tellFirstPullRequest({ number: 80, searchedFirstNumber: 80 }, 7)).toBe(true);
    expect(tellFirstPullRequest({ number: 80, openedAssociation: 'MEMBER', searchedFirstNumber: 12 }, 7)).toBe(false);
    expect(tellFirstPullRequest({ number: 80, searchedFirstNumber: null }, 7)).toBeNull();
  });
});

describe('findCompleteSinceMs', () => {
  const pr = (number: number, createdMs: number) => ({ number, createdMs });

  it('is -Infinity when numbers run from #1 (or nothing is stored)', () => {
    expect(findCompleteSinceMs([pr(1, 10), pr(3, 30)], [2])).toBe(-Infinity);
    expect(findCompleteSinceMs([], [])).toBe(-Infinity);
  });

  it("is the creation of the lowest PR of the gap-free run that ends at the highest number", () => {
    // #4 is missing: the run is 5…8; its lowest PR is #6 (#5 is an issue).
    expect(findCompleteSinceMs([pr(2, 20), pr(6, 60), pr(8, 80)], [5, 7])).toBe(60);
  });

  it('is Infinity when the run holds no PR', () => {
    expect(findCompleteSinceMs([pr(2, 20)], [4, 5])).toBe(Infinity);
  });
});
