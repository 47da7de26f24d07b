import type { ActivityIndex } from './index-activity.js';

/** The items that belong to an area (from the area model: changed files for PRs, labels for issues). */
export interface AreaSelection {
  prNumbers: Iterable<number>;
  issueNumbers: Iterable<number>;
}

/**
 * An area's view of an index: its PRs and issues, and the milestones they reference. It shares the repository's
 * facts, so "first PR in the repository" stays repository-wide; releases are left out (they belong to the
 * repository, and release metrics are `null` for an area). O(items).
 */
export function scopeIndexToArea(index: ActivityIndex, selection: AreaSelection): ActivityIndex {
  const prNumbers = new Set(selection.prNumbers);
  const issueNumbers = new Set(selection.issueNumbers);
  const pullRequests = index.pullRequests.filter((pr) => prNumbers.has(pr.record.number));
  const issues = index.issues.filter((issue) => issueNumbers.has(issue.record.number));
  const milestoneNumbers = new Set<number>();
  for (const item of [...pullRequests, ...issues]) {
    if (item.record.milestoneNumber !== null) milestoneNumbers.add(item.record.milestoneNumber);
  }
  return {
    ...index,
    scope: 'area',
    pullRequests,
    issues,
    milestones: index.milestones.filter((milestone) => milestoneNumbers.has(milestone.record.number)),
    releases: [],
  };
}
