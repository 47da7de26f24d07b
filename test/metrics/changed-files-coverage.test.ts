import { describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import type { PullRequestFilesRecord, PullRequestRecord } from '../../src/core/records.js';
import { computeChangedFilesCoverage } from '../../src/metrics/changed-files-coverage.js';
import { WINDOW, aPullRequest, t } from './builders.js';

const model = buildAreaModel({ paths: [], files: new Map([['CODEOWNERS', '/api/ @alice\n/web/ @bob']]) });
const files = (prNumber: number, ...paths: string[]): PullRequestFilesRecord => ({ repoId: 1, prNumber, paths });

interface Row {
  name: string;
  prs: PullRequestRecord[];
  files: PullRequestFilesRecord[];
  area?: string;
  expected: number | null;
}

const rows: Row[] = [
  { name: 'all changed files owned', prs: [aPullRequest({ number: 1 })], files: [files(1, 'api/a.go', 'web/b.ts')], expected: 1 },
  { name: 'distinct files across PRs', prs: [aPullRequest({ number: 1 }), aPullRequest({ number: 2 })], files: [files(1, 'api/a.go', 'docs/x.md'), files(2, 'api/a.go', 'docs/x.md', 'web/b.ts', 'ci/y.yml')], expected: 0.5 },
  { name: 'PRs created before the window are out', prs: [aPullRequest({ number: 1, createdAt: t(-1) }), aPullRequest({ number: 2 })], files: [files(1, 'docs/x.md'), files(2, 'api/a.go')], expected: 1 },
  { name: 'PRs created at the window end are out', prs: [aPullRequest({ number: 1, createdAt: WINDOW.to.toISOString() })], files: [files(1, 'api/a.go')], expected: null },
  { name: 'bot PRs never count', prs: [aPullRequest({ number: 1, author: 'dependabot[bot]', authorType: 'Bot' }), aPullRequest({ number: 2 })], files: [files(1, 'go.sum'), files(2, 'web/b.ts')], expected: 1 },
  { name: 'PR files unknown → null', prs: [aPullRequest({ number: 1 })], files: [], expected: null },
  { name: 'restricted to an area', prs: [aPullRequest({ number: 1 })], files: [files(1, 'api/a.go', 'docs/x.md')], area: 'api', expected: 1 },
];

describe('changed_files_coverage', () => {
  it.each(rows)('$name → $expected', (row) => {
    const value = computeChangedFilesCoverage({ model, pullRequests: row.prs, pullRequestFiles: row.files, window: WINDOW, ...(row.area ? { area: row.area } : {}) });
    expect(value).toBe(row.expected);
  });

  it('ignoreUsers are bots too', () => {
    const value = computeChangedFilesCoverage({
      model,
      pullRequests: [aPullRequest({ number: 1, author: 'Release-Robot' }), aPullRequest({ number: 2 })],
      pullRequestFiles: [files(1, 'CHANGELOG.md'), files(2, 'api/a.go')],
      window: WINDOW,
      ignoreUsers: ['release-robot'],
    });
    expect(value).toBe(1);
  });
});
