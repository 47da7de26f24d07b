import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createAreaSourcesCache, fetchAreaSources } from '../../src/areas/fetch-area-sources.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';
const blob = (text: string) => ({ sha: 'x', size: text.length, encoding: 'base64', content: Buffer.from(text).toString('base64') });
const tree = (entries: { path: string; type?: string; sha: string }[], truncated = false) => ({
  sha: 'head',
  truncated,
  tree: entries.map((entry) => ({ mode: '100644', type: 'blob', ...entry })),
});

describe('fetchAreaSources', () => {
  useStrictNock();
  const params = { owner: 'acme', repo: 'app', sha: 'c0ffee' };

  it('reads the tree and the area files at a commit, once per commit', async () => {
    nock(API)
      .get('/repos/acme/app/git/trees/c0ffee')
      .query({ recursive: 'true' })
      .reply(200, tree([
        { path: 'CODEOWNERS', sha: 'b-root-co' },
        { path: '.github/CODEOWNERS', sha: 'b-co' },
        { path: '.github/fallacy-watch.yml', sha: 'b-cfg' },
        { path: 'OWNERS', sha: 'b-owners' },
        { path: 'OWNERS_ALIASES', sha: 'b-aliases' },
        { path: 'pkg/OWNERS', sha: 'b-pkg-owners' },
        { path: 'pkg/main.go', sha: 'b-main' },
        { path: 'pkg', type: 'tree', sha: 't-pkg' },
        { path: 'third_party/sub', type: 'commit', sha: 'c-sub' },
      ]))
      .get('/repos/acme/app/git/blobs/b-co').reply(200, blob('* @acme/core'))
      .get('/repos/acme/app/git/blobs/b-cfg').reply(200, blob('areas: []'))
      .get('/repos/acme/app/git/blobs/b-owners').reply(200, blob('approvers:\n- alice'))
      .get('/repos/acme/app/git/blobs/b-aliases').reply(200, blob('aliases: {}'))
      .get('/repos/acme/app/git/blobs/b-pkg-owners').reply(200, blob('approvers:\n- bob'));

    const cache = createAreaSourcesCache();
    const sources = await fetchAreaSources(createTestOctokit(), params, cache);
    expect(sources.paths).toEqual(['CODEOWNERS', '.github/CODEOWNERS', '.github/fallacy-watch.yml', 'OWNERS', 'OWNERS_ALIASES', 'pkg/OWNERS', 'pkg/main.go']);
    expect(sources.truncated).toBe(false);
    expect(sources.config).toBe('areas: []');
    expect([...sources.files]).toEqual([
      ['.github/CODEOWNERS', '* @acme/core'],
      ['OWNERS', 'approvers:\n- alice'],
      ['OWNERS_ALIASES', 'aliases: {}'],
      ['pkg/OWNERS', 'approvers:\n- bob'],
    ]);

    // Same commit again: served from the cache; strict nock fails on any further request.
    expect(await fetchAreaSources(createTestOctokit(), { owner: 'ACME', repo: 'app', sha: 'c0ffee' }, cache)).toBe(sources);
  });

  it('does not read an OWNERS file that is a symbolic link (mode 120000): prow skips it', async () => {
    nock(API)
      .get('/repos/acme/app/git/trees/c0ffee')
      .query({ recursive: 'true' })
      .reply(200, {
        sha: 'head',
        truncated: false,
        tree: [
          { path: 'OWNERS', mode: '100644', type: 'blob', sha: 'b-owners' },
          { path: 'linked/OWNERS', mode: '120000', type: 'blob', sha: 'b-link' },
        ],
      })
      .get('/repos/acme/app/git/blobs/b-owners').reply(200, blob('approvers:\n- alice'));
    const sources = await fetchAreaSources(createTestOctokit(), params);
    expect(sources.paths).toEqual(['OWNERS', 'linked/OWNERS']);
    expect([...sources.files.keys()]).toEqual(['OWNERS']);
  });

  it('refetches the tree for a new commit but not unchanged blobs', async () => {
    nock(API)
      .get('/repos/acme/app/git/trees/c0ffee').query({ recursive: 'true' }).reply(200, tree([{ path: 'OWNERS', sha: 'b1' }]))
      .get('/repos/acme/app/git/blobs/b1').reply(200, blob('approvers:\n- alice'))
      .get('/repos/acme/app/git/trees/d00d').query({ recursive: 'true' }).reply(200, tree([{ path: 'OWNERS', sha: 'b1' }, { path: 'a/OWNERS', sha: 'b2' }], true))
      .get('/repos/acme/app/git/blobs/b2').reply(200, blob('approvers:\n- bob'));

    const cache = createAreaSourcesCache();
    const octokit = createTestOctokit();
    await fetchAreaSources(octokit, params, cache);
    const next = await fetchAreaSources(octokit, { ...params, sha: 'd00d' }, cache);
    expect([...next.files.keys()]).toEqual(['OWNERS', 'a/OWNERS']);
    expect(next.truncated).toBe(true);
  });

  it('does not cache a failed read', async () => {
    nock(API)
      .get('/repos/acme/app/git/trees/c0ffee').query({ recursive: 'true' }).reply(404, { message: 'Not Found' })
      .get('/repos/acme/app/git/trees/c0ffee').query({ recursive: 'true' }).reply(200, tree([{ path: 'README.md', sha: 'r' }]));
    const cache = createAreaSourcesCache();
    await expect(fetchAreaSources(createTestOctokit(), params, cache)).rejects.toMatchObject({ status: 404 });
    const sources = await fetchAreaSources(createTestOctokit(), params, cache);
    expect(sources.paths).toEqual(['README.md']);
    expect(sources.files.size).toBe(0);
    expect(sources.config).toBeNull();
  });

  it('keeps at most the configured number of commits', async () => {
    nock(API)
      .get('/repos/acme/app/git/trees/a1').query({ recursive: 'true' }).reply(200, tree([]))
      .get('/repos/acme/app/git/trees/a2').query({ recursive: 'true' }).reply(200, tree([]))
      .get('/repos/acme/app/git/trees/a1').query({ recursive: 'true' }).reply(200, tree([]));
    const cache = createAreaSourcesCache(1);
    const octokit = createTestOctokit();
    await fetchAreaSources(octokit, { ...params, sha: 'a1' }, cache);
    await fetchAreaSources(octokit, { ...params, sha: 'a2' }, cache);
    await fetchAreaSources(octokit, { ...params, sha: 'a1' }, cache);
    expect(cache.commits.size).toBe(1);
  });
});
