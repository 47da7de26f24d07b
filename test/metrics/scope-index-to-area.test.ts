import { describe, expect, it } from 'vitest';
import { indexActivity } from '../../src/metrics/index-activity.js';
import { scopeIndexToArea } from '../../src/metrics/scope-index-to-area.js';
import { aMilestone, anActivity, anIssue, aPullRequest, aRelease, t } from './builders.js';

describe('scopeIndexToArea', () => {
  const index = indexActivity(
    anActivity({
      pullRequests: [
        aPullRequest({ number: 1, author: 'ann', createdAt: t(0), milestoneNumber: 10 }),
        aPullRequest({ number: 2, author: 'ann', createdAt: t(5) }),
      ],
      issues: [anIssue({ number: 3, milestoneNumber: 11 }), anIssue({ number: 4 })],
      milestones: [aMilestone({ number: 10 }), aMilestone({ number: 11 }), aMilestone({ number: 12 })],
      releases: [aRelease(t(1))],
    }),
  );
  const area = scopeIndexToArea(index, { prNumbers: [2], issueNumbers: [3] });

  it("keeps the area's PRs and issues and the milestones they are in, and no releases", () => {
    expect(area.scope).toBe('area');
    expect(area.pullRequests.map((pr) => pr.record.number)).toEqual([2]);
    expect(area.issues.map((issue) => issue.record.number)).toEqual([3]);
    expect(area.milestones.map((milestone) => milestone.record.number)).toEqual([11]);
    expect(area.releases).toEqual([]);
  });

  it('keeps repository-wide contributor history', () => {
    expect(area.pullRequests[0]!.firstOfAuthor).toBe(false);
    expect(area.authors.get('ann')?.firstNumber).toBe(1);
  });

  it('leaves the repository index untouched', () => {
    expect(index.scope).toBe('repository');
    expect(index.pullRequests).toHaveLength(2);
  });
});
