import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { upsertDigestIssue } from '../../src/publish/upsert-digest-issue.js';
import { type Digest, DIGEST_LABEL, renderDigestMarker } from '../../src/render/index.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';
const ISSUES = '/repos/acme/health/issues';
const QUERY = { labels: DIGEST_LABEL, state: 'all', per_page: '100' };

function aDigest(repository: string, weekOf: string, hash: string, previous: { number: number } | null = null): Digest {
  const marker = renderDigestMarker(repository, weekOf);
  return {
    title: `Community health digest — week of ${weekOf}`,
    body: `${marker}\nprevious: ${previous?.number ?? 'none'}\n\n<!-- fallacy-watch:hash:${hash} -->\n`,
    labels: [DIGEST_LABEL],
    marker,
    hash,
  };
}

const anIssue = (number: number, digest: Digest, state = 'open', user = { login: 'fallacy-watch[bot]', type: 'Bot' }) => ({
  number,
  html_url: `https://github.com/acme/health/issues/${number}`,
  state,
  body: digest.body,
  user,
  performed_via_github_app: { id: 1 },
});

describe('upsertDigestIssue', () => {
  useStrictNock();
  const base = { owner: 'acme', repo: 'health', repository: 'acme/widgets', weekOf: '2026-11-23', appId: 1 };

  it('edits this week’s digest in place when its content changed, linking the latest earlier one of the same repository', async () => {
    const previousSeen: Array<number | null> = [];
    nock(API)
      .get(ISSUES)
      .query(QUERY)
      .reply(200, [
        anIssue(12, aDigest('acme/widgets', '2026-11-23', '1111111111111111')),
        anIssue(11, aDigest('acme/gadgets', '2026-11-16', '2222222222222222')),
        anIssue(10, aDigest('acme/widgets', '2026-11-16', '3333333333333333'), 'closed'),
        anIssue(9, aDigest('acme/widgets', '2026-11-09', '4444444444444444'), 'closed'),
        anIssue(8, aDigest('acme/widgets', '2026-11-02', '5555555555555555'), 'open', { login: 'mallory', type: 'User' }),
      ])
      .patch(`${ISSUES}/12`, (body: { title: string; body: string }) => body.body.includes('previous: 10'))
      .reply(200, {});
    const result = await upsertDigestIssue(createTestOctokit(), {
      ...base,
      render: (previous) => {
        previousSeen.push(previous?.number ?? null);
        return aDigest('acme/widgets', '2026-11-23', 'ffffffffffffffff', previous);
      },
    });
    expect(previousSeen).toEqual([10]);
    expect(result).toEqual({ action: 'updated', number: 12, url: 'https://github.com/acme/health/issues/12', closed: [] });
  });

  it('leaves an unchanged digest alone, and opens the first one with an existing label', async () => {
    nock(API).get(ISSUES).query(QUERY).reply(200, [anIssue(12, aDigest('acme/widgets', '2026-11-23', '1111111111111111'))]);
    const same = await upsertDigestIssue(createTestOctokit(), { ...base, render: () => aDigest('acme/widgets', '2026-11-23', '1111111111111111') });
    expect(same.action).toBe('unchanged');

    nock(API)
      .get(ISSUES)
      .query(QUERY)
      .reply(200, [])
      .get(`/repos/acme/health/labels/${DIGEST_LABEL}`)
      .reply(200, { name: DIGEST_LABEL })
      .post(ISSUES, { title: 'Community health digest — week of 2026-11-23', body: /previous: none/, labels: [DIGEST_LABEL] })
      .reply(201, { number: 1, html_url: 'https://github.com/acme/health/issues/1' });
    const first = await upsertDigestIssue(createTestOctokit(), { ...base, render: (previous) => aDigest('acme/widgets', '2026-11-23', 'a'.repeat(16), previous) });
    expect(first).toMatchObject({ action: 'created', number: 1, closed: [] });
  });
});
