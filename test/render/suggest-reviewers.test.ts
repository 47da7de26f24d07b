import { describe, expect, it } from 'vitest';
import { suggestReviewers } from '../../src/render/suggest-reviewers.js';
import { anArea } from './fixtures.js';

const load = (login: string, open_review_requests: number, reviews_90d = 10) => ({ login, open_review_requests, reviews_90d });

describe('suggestReviewers', () => {
  it('picks up to 3 active owners with the fewest open review requests', () => {
    const suggested = suggestReviewers({
      areas: [anArea({ owners: ['a', 'b', 'c', 'd'] })],
      reviewers: [load('a', 5), load('b', 1), load('c', 3), load('d', 2)],
    });
    expect(suggested.map((reviewer) => reviewer.login)).toEqual(['b', 'd', 'c']);
  });

  it('skips owners without a review in 90 days, teams, bots and excluded logins', () => {
    const suggested = suggestReviewers({
      areas: [anArea({ owners: ['idle', 'acme/team', 'helper[bot]', 'author', 'busy'] })],
      reviewers: [load('idle', 0, 0), load('helper[bot]', 0), load('author', 0), load('busy', 9), load('acme/team', 0)],
      exclude: ['Author'],
    });
    expect(suggested.map((reviewer) => reviewer.login)).toEqual(['busy']);
  });

  it('matches owners written with @ and in another case, and merges areas', () => {
    const suggested = suggestReviewers({
      areas: [anArea({ area: 'docs', owners: ['@Erin'] }), anArea({ area: 'site', owners: ['erin'] })],
      reviewers: [load('erin', 2)],
    });
    expect(suggested).toEqual([{ login: 'erin', openReviewRequests: 2, reviews90d: 10, areas: ['docs', 'site'] }]);
  });

  it('breaks ties by more touched areas owned, then more reviews, then login', () => {
    const suggested = suggestReviewers({
      areas: [anArea({ area: 'x', owners: ['z', 'y', 'w'] }), anArea({ area: 'v', owners: ['w'] })],
      reviewers: [load('z', 1, 5), load('y', 1, 50), load('w', 1, 1)],
    });
    expect(suggested.map((reviewer) => reviewer.login)).toEqual(['w', 'y', 'z']);
  });
});
