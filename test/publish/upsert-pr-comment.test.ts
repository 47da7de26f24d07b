import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { upsertPrComment } from '../../src/publish/upsert-pr-comment.js';
import { PR_COMMENT_MARKER } from '../../src/render/index.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';
const COMMENTS = '/repos/acme/app/issues/3/comments';
const comment = { body: `${PR_COMMENT_MARKER}\nhello\n\n<!-- fallacy-watch:hash:aaaaaaaaaaaaaaaa -->\n`, hash: 'aaaaaaaaaaaaaaaa' };
const ours = (id: number, body: string) => ({ id, body, user: { login: 'fallacy-watch[bot]', type: 'Bot' }, performed_via_github_app: { id: 1 } });
const base = { owner: 'acme', repo: 'app', pullNumber: 3, enabled: true, appId: 1 };

describe('upsertPrComment', () => {
  useStrictNock();

  it('does nothing at all when comments are disabled', async () => {
    expect(await upsertPrComment(createTestOctokit(), { ...base, comment, enabled: false })).toBe('disabled');
  });

  it('finds its comment on a later page and leaves it alone when the hash is unchanged', async () => {
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, Array.from({ length: 100 }, (_, index) => ({ id: index, body: 'chatter', user: { login: 'x', type: 'User' } })), {
        link: `<${API}${COMMENTS}?per_page=100&page=2>; rel="next"`,
      })
      .get(COMMENTS)
      .query({ per_page: '100', page: '2' })
      .reply(200, [ours(500, comment.body)]);
    expect(await upsertPrComment(createTestOctokit(), { ...base, comment })).toBe('unchanged');
  });

  it('ignores a marker typed by a person, edits its own when the hash changed, and deletes duplicates', async () => {
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, [
        { id: 1, body: PR_COMMENT_MARKER, user: { login: 'prankster', type: 'User' } },
        ours(2, `${PR_COMMENT_MARKER}\nold\n\n<!-- fallacy-watch:hash:bbbbbbbbbbbbbbbb -->\n`),
        ours(3, `${PR_COMMENT_MARKER}\nrace duplicate\n`),
      ])
      .delete('/repos/acme/app/issues/comments/3')
      .reply(204)
      .patch('/repos/acme/app/issues/comments/2', { body: comment.body })
      .reply(200, {});
    expect(await upsertPrComment(createTestOctokit(), { ...base, comment })).toBe('updated');
  });

  it('creates nothing when there is nothing to say, and deletes the comment that no longer applies', async () => {
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    expect(await upsertPrComment(createTestOctokit(), { ...base, comment: null })).toBe('none');
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, [ours(2, comment.body)])
      .delete('/repos/acme/app/issues/comments/2')
      .reply(204);
    expect(await upsertPrComment(createTestOctokit(), { ...base, comment: null })).toBe('deleted');
  });
});
