import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { fetchPullRequestFiles } from '../../src/github/fetch-pull-request-files.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';
const PATH = '/repos/acme/app/pulls/7/files';
const files = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ sha: 's', filename: `src/f${from + i}.ts`, status: 'modified', additions: 1, deletions: 0, changes: 1 }));
const link = (page: number, last: number) =>
  `<${API}${PATH}?per_page=100&page=${page}>; rel="next", <${API}${PATH}?per_page=100&page=${last}>; rel="last"`;

describe('fetchPullRequestFiles', () => {
  useStrictNock();
  const params = { owner: 'acme', repo: 'app', pullNumber: 7 };

  it('follows pages of 100 past the first', async () => {
    nock(API)
      .get(PATH).query({ per_page: '100' }).reply(200, files(0, 100), { link: link(2, 3) })
      .get(PATH).query({ per_page: '100', page: '2' }).reply(200, files(100, 100), { link: link(3, 3) })
      .get(PATH).query({ per_page: '100', page: '3' }).reply(200, [
        ...files(200, 4),
        { sha: 's', filename: 'docs/new.md', previous_filename: 'docs/old.md', status: 'renamed', additions: 0, deletions: 0, changes: 0 },
      ]);
    const result = await fetchPullRequestFiles(createTestOctokit(), params);
    expect(result.paths).toHaveLength(206);
    expect(result.paths.slice(-2)).toEqual(['docs/new.md', 'docs/old.md']);
    expect(result.truncated).toBe(false);
  });

  it('stops at GitHub’s 3,000-file limit', async () => {
    const scope = nock(API);
    scope.get(PATH).query({ per_page: '100' }).reply(200, files(0, 100), { link: link(2, 31) });
    for (let page = 2; page <= 30; page += 1) {
      scope.get(PATH).query({ per_page: '100', page: String(page) }).reply(200, files((page - 1) * 100, 100), { link: link(page + 1, 31) });
    }
    const result = await fetchPullRequestFiles(createTestOctokit(), params);
    expect(result.paths).toHaveLength(3000);
    expect(result.truncated).toBe(true);
  });

  it('returns an empty list for a PR without files', async () => {
    nock(API).get(PATH).query({ per_page: '100' }).reply(200, []);
    expect(await fetchPullRequestFiles(createTestOctokit(), params)).toEqual({ paths: [], truncated: false });
  });
});
