import { describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import type { PullRequestFilesRecord, PullRequestRecord, ReviewRecord } from '../../src/core/records.js';
import { computeOwnerReviewCoverage } from '../../src/metrics/owner-review-coverage.js';
import { WINDOW, aMergedPullRequest, aReview, t } from './builders.js';

const codeowners = ['/api/ @Alice', '/web/ @org/web', '/docs/ @dora'].join('\n');
const model = buildAreaModel({ paths: [], files: new Map([['.github/CODEOWNERS', codeowners]]) });
const files = (prNumber: number, ...paths: string[]): PullRequestFilesRecord => ({ repoId: 1, prNumber, paths });
const merged = (number: number, overrides: Partial<PullRequestRecord> = {}) => aMergedPullRequest(t(50), { number, author: 'carl', ...overrides });

interface Row {
  name: string;
  prs: PullRequestRecord[];
  files: PullRequestFilesRecord[];
  reviews: ReviewRecord[];
  area?: string;
  teamMembers?: Map<string, string[]>;
  expected: number | null;
}

const rows: Row[] = [
  { name: 'reviewed by the area owner (login case-insensitive)', prs: [merged(1)], files: [files(1, 'api/a.go')], reviews: [aReview(1, 'ALICE', t(10))], expected: 1 },
  { name: 'reviewed by a non-owner only', prs: [merged(1)], files: [files(1, 'api/a.go')], reviews: [aReview(1, 'zed', t(10))], expected: 0 },
  { name: 'owner of any touched area counts', prs: [merged(1)], files: [files(1, 'api/a.go', 'docs/b.md')], reviews: [aReview(1, 'dora', t(10))], expected: 1 },
  { name: 'a review after the merge does not count', prs: [merged(1)], files: [files(1, 'api/a.go')], reviews: [aReview(1, 'alice', t(60))], expected: 0 },
  { name: 'a pending review does not count', prs: [merged(1)], files: [files(1, 'api/a.go')], reviews: [aReview(1, 'alice', t(10), { state: 'PENDING' })], expected: 0 },
  { name: 'the author reviewing their own PR does not count', prs: [merged(1, { author: 'alice' })], files: [files(1, 'api/a.go')], reviews: [aReview(1, 'alice', t(10))], expected: 0 },
  { name: 'PRs merged outside the window are out', prs: [aMergedPullRequest(t(-5), { number: 1 }), merged(2)], files: [files(1, 'api/a.go'), files(2, 'api/a.go')], reviews: [aReview(2, 'alice', t(10))], expected: 1 },
  { name: 'bot-authored PRs are out', prs: [merged(1, { author: 'renovate[bot]', authorType: 'Bot' })], files: [files(1, 'api/a.go')], reviews: [], expected: null },
  { name: 'a PR touching only unowned files is not covered', prs: [merged(1)], files: [files(1, 'ci/x.yml')], reviews: [aReview(1, 'alice', t(10))], expected: 0 },
  { name: 'PRs without recorded files are left out', prs: [merged(1), merged(2)], files: [files(2, 'api/a.go')], reviews: [aReview(2, 'alice', t(10))], expected: 1 },
  { name: 'a team owner with unknown members cannot be judged', prs: [merged(1)], files: [files(1, 'web/a.ts')], reviews: [aReview(1, 'wendy', t(10))], expected: null },
  { name: 'a team owner with known members', prs: [merged(1)], files: [files(1, 'web/a.ts')], reviews: [aReview(1, 'wendy', t(10))], teamMembers: new Map([['org/web', ['Wendy']]]), expected: 1 },
  { name: 'per area: only PRs touching it, only its owners', prs: [merged(1), merged(2)], files: [files(1, 'api/a.go', 'docs/b.md'), files(2, 'docs/c.md')], reviews: [aReview(1, 'dora', t(10)), aReview(2, 'dora', t(10))], area: 'api', expected: 0 },
];

describe('owner_review_coverage', () => {
  it.each(rows)('$name → $expected', (row) => {
    const value = computeOwnerReviewCoverage({
      model,
      pullRequests: row.prs,
      pullRequestFiles: row.files,
      reviews: row.reviews,
      window: WINDOW,
      ...(row.area ? { area: row.area } : {}),
      ...(row.teamMembers ? { teamMembers: row.teamMembers } : {}),
    });
    expect(value).toBe(row.expected);
  });
});
