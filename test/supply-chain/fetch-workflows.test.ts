import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { fetchChangedWorkflows } from '../../src/supply-chain/fetch-changed-workflows.js';
import { fetchRepositorySignals } from '../../src/supply-chain/fetch-repository-signals.js';
import { fetchWorkflows } from '../../src/supply-chain/fetch-workflows.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const fileBody = (path: string, text: string) => ({ type: 'file', path, name: path.split('/').pop(), encoding: 'base64', content: base64(text) });
const entry = (path: string, type = 'file') => ({ type, path, name: path.split('/').pop() });

describe('fetchWorkflows', () => {
  useStrictNock();

  it('lists .github/workflows at the ref and reads each .yml / .yaml file', async () => {
    nock(API)
      .get('/repos/o/r/contents/.github%2Fworkflows')
      .query({ ref: 'abc123' })
      .reply(200, [
        entry('.github/workflows/ci.yml'),
        entry('.github/workflows/release.yaml'),
        entry('.github/workflows/README.md'),
        entry('.github/workflows/shared', 'dir'),
      ])
      .get('/repos/o/r/contents/.github%2Fworkflows%2Fci.yml')
      .query({ ref: 'abc123' })
      .reply(200, fileBody('.github/workflows/ci.yml', 'on: push\n'))
      .get('/repos/o/r/contents/.github%2Fworkflows%2Frelease.yaml')
      .query({ ref: 'abc123' })
      .reply(200, fileBody('.github/workflows/release.yaml', 'on: release\n'));

    const files = await fetchWorkflows(createTestOctokit(), { owner: 'o', repo: 'r', ref: 'abc123' });

    expect(files).toEqual([
      { path: '.github/workflows/ci.yml', text: 'on: push\n' },
      { path: '.github/workflows/release.yaml', text: 'on: release\n' },
    ]);
  });

  it('a repository without a workflows folder has no workflows', async () => {
    nock(API).get('/repos/o/r/contents/.github%2Fworkflows').reply(404, { message: 'Not Found' });
    expect(await fetchWorkflows(createTestOctokit(), { owner: 'o', repo: 'r' })).toEqual([]);
  });

  it('other errors propagate', async () => {
    nock(API).get('/repos/o/r/contents/.github%2Fworkflows').reply(500, { message: 'boom' });
    await expect(fetchWorkflows(createTestOctokit(), { owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 500 });
  });
});

describe('fetchChangedWorkflows', () => {
  useStrictNock();

  it('reads the PR\'s added or modified workflows at the head sha with their changed lines', async () => {
    nock(API)
      .get('/repos/o/r/pulls/7/files')
      .query({ per_page: 100 })
      .reply(200, [
        { filename: '.github/workflows/ci.yml', status: 'modified', patch: '@@ -1,1 +1,2 @@\n on: push\n+permissions: {}' },
        { filename: '.github/workflows/old.yml', status: 'removed', patch: '@@ -1 +0,0 @@\n-on: push' },
        { filename: 'src/index.ts', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
      ])
      .get('/repos/o/r/contents/.github%2Fworkflows%2Fci.yml')
      .query({ ref: 'head1' })
      .reply(200, fileBody('.github/workflows/ci.yml', 'on: push\npermissions: {}\n'));

    const changed = await fetchChangedWorkflows(createTestOctokit(), { owner: 'o', repo: 'r', pullNumber: 7, headSha: 'head1' });

    expect(changed).toEqual([{ path: '.github/workflows/ci.yml', text: 'on: push\npermissions: {}\n', changedLines: new Set([2]) }]);
  });
});

describe('fetchRepositorySignals', () => {
  useStrictNock();

  it('collects root, .github, docs and .gitlab entries and the latest releases\' asset names', async () => {
    nock(API)
      .get('/repos/o/r/contents')
      .reply(200, [entry('README.md'), entry('SECURITY.md'), entry('.github', 'dir')])
      .get('/repos/o/r/contents/.github')
      .reply(200, [entry('.github/dependabot.yml'), entry('.github/workflows', 'dir')])
      .get('/repos/o/r/contents/docs')
      .reply(404, { message: 'Not Found' })
      .get('/repos/o/r/contents/.gitlab')
      .reply(404, { message: 'Not Found' })
      .get('/repos/o/r/releases')
      .query({ per_page: 3 })
      .reply(200, [
        {
          id: 11,
          tag_name: 'v2.0.0',
          name: 'v2',
          draft: false,
          prerelease: false,
          created_at: '2026-02-01T00:00:00Z',
          published_at: '2026-02-02T00:00:00Z',
          assets: [{ name: 'tool.tar.gz' }, { name: 'checksums.txt' }],
        },
      ]);

    const signals = await fetchRepositorySignals(createTestOctokit(), { owner: 'o', repo: 'r', repoId: 42, releaseCount: 3 });

    expect(signals).toEqual({
      paths: ['.github', '.github/dependabot.yml', '.github/workflows', 'README.md', 'SECURITY.md'],
      releases: [
        {
          repoId: 42,
          id: 11,
          tagName: 'v2.0.0',
          name: 'v2',
          draft: false,
          prerelease: false,
          createdAt: '2026-02-01T00:00:00Z',
          publishedAt: '2026-02-02T00:00:00Z',
          assetNames: ['tool.tar.gz', 'checksums.txt'],
        },
      ],
      latestReleases: 3,
    });
  });
});
