import { describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import type { CommentRecord, PullRequestRecord, ReviewRecord } from '../../src/core/records.js';
import { computeStaleOwners } from '../../src/metrics/stale-owners.js';
import { aComment, aPullRequest, aReview } from './builders.js';

const NOW = new Date('2026-11-29T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const model = buildAreaModel({
  paths: [],
  files: new Map([['CODEOWNERS', '/api/ @alice @bob @org/api']]),
  configAreas: [{ name: 'web', paths: ['/web/'], owners: ['@carol', 'docs@example.com', 'deploy-bot[bot]'], labels: [] }],
});

interface Row {
  name: string;
  prs?: PullRequestRecord[];
  reviews?: ReviewRecord[];
  comments?: CommentRecord[];
  area?: string;
  historySince?: Date;
  expected: string[] | null;
}

const rows: Row[] = [
  { name: 'no activity at all: every user owner is stale', expected: ['alice', 'bob', 'carol'] },
  { name: 'a review within 365 days keeps an owner fresh', reviews: [aReview(1, 'Alice', daysAgo(364))], expected: ['bob', 'carol'] },
  { name: 'a comment or a PR counts too', comments: [aComment(1, 'bob', daysAgo(10))], prs: [aPullRequest({ author: 'carol', createdAt: daysAgo(100) })], expected: ['alice'] },
  { name: 'activity older than 365 days does not', reviews: [aReview(1, 'alice', daysAgo(366))], expected: ['alice', 'bob', 'carol'] },
  { name: 'activity after now is ignored', reviews: [aReview(1, 'alice', daysAgo(-1))], expected: ['alice', 'bob', 'carol'] },
  { name: 'a pending review is not activity', reviews: [aReview(1, 'alice', daysAgo(3), { state: 'PENDING' })], expected: ['alice', 'bob', 'carol'] },
  { name: 'per area', area: 'web', expected: ['carol'] },
  { name: 'history shorter than the look-back → null', historySince: new Date(daysAgo(200)), expected: null },
  { name: 'history long enough', historySince: new Date(daysAgo(400)), reviews: [aReview(1, 'bob', daysAgo(1))], expected: ['alice', 'carol'] },
];

describe('stale_owners', () => {
  it.each(rows)('$name → $expected', (row) => {
    const value = computeStaleOwners({
      model,
      pullRequests: row.prs ?? [],
      reviews: row.reviews ?? [],
      comments: row.comments ?? [],
      now: NOW,
      ...(row.area ? { area: row.area } : {}),
      ...(row.historySince ? { historySince: row.historySince } : {}),
    });
    expect(value).toEqual(row.expected);
  });

  it('ignoreUsers owners are never stale', () => {
    const value = computeStaleOwners({ model, pullRequests: [], reviews: [], comments: [], now: NOW, ignoreUsers: ['Carol'] });
    expect(value).toEqual(['alice', 'bob']);
  });
});
