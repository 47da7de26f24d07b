import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { searchEarliestPullRequest } from '../../src/github/search-earliest-pull-request.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';

describe('searchEarliestPullRequest', () => {
  useStrictNock();

  it("asks for the author's PRs in the repository, oldest first, one result", async () => {
    nock(API)
      .get('/search/issues')
      .query({ q: 'repo:acme/app is:pr author:octo-cat', sort: 'created', order: 'asc', per_page: '1' })
      .reply(200, { total_count: 3, incomplete_results: false, items: [{ number: 12 }] });
    expect(await searchEarliestPullRequest(createTestOctokit(), { owner: 'acme', repo: 'app', author: 'octo-cat' })).toBe(12);
  });

  it('answers null when the author has no PR there', async () => {
    nock(API)
      .get('/search/issues')
      .query({ q: 'repo:acme/app is:pr author:ghost', sort: 'created', order: 'asc', per_page: '1' })
      .reply(200, { total_count: 0, incomplete_results: false, items: [] });
    expect(await searchEarliestPullRequest(createTestOctokit(), { owner: 'acme', repo: 'app', author: 'ghost' })).toBeNull();
  });
});
