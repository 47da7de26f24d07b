import type { AreaModel } from '../areas/area-model.js';
import type { PullRequestFilesRecord, PullRequestRecord, RepositoryActivity, ReviewRecord } from '../core/records.js';
import { computeChangedFilesCoverage } from './changed-files-coverage.js';
import { computeOwnerReviewCoverage } from './owner-review-coverage.js';
import { computeOwnersFileCoverage } from './owners-file-coverage.js';
import { computeStaleOwners, DEFAULT_STALE_DAYS, listActiveLogins, staleOwnerLookBack } from './stale-owners.js';
import type { MetricSet, Window } from './types.js';

/** The four metrics an area model gives (`null` without one). */
export type OwnersMetrics = Pick<MetricSet, 'owners_file_coverage' | 'changed_files_coverage' | 'owner_review_coverage' | 'stale_owners'>;

export const NO_OWNERS_METRICS: OwnersMetrics = {
  owners_file_coverage: null,
  changed_files_coverage: null,
  owner_review_coverage: null,
  stale_owners: null,
};

/** What the owners metrics of every area share for one window, computed once (not once per area). */
export interface OwnersWindowFacts {
  window: Window;
  /** PRs created in the window (changed-files coverage) and PRs merged in it (owner review coverage). */
  createdInWindow: PullRequestRecord[];
  mergedInWindow: PullRequestRecord[];
  /** The files and reviews of just those PRs, so each area's computation does not regroup the whole history. */
  files: PullRequestFilesRecord[];
  reviews: ReviewRecord[];
  /** Lower-case logins active in the stale-owner look-back up to the window's end. */
  activeLogins: Set<string>;
  historySince: Date | null;
}

/**
 * The owners metrics' view of one window: the area model and tracked paths, the window's shared facts, and the area
 * (absent: the whole repository). Give it to `computeMetricSet` to have the four owners metrics computed.
 */
export interface OwnersScope {
  model: AreaModel;
  /** Every tracked path at the default branch head; `null` when unknown (`owners_file_coverage` is then `null`). */
  paths: readonly string[] | null;
  facts: OwnersWindowFacts;
  area?: string;
}

/**
 * The owners scopes of one repository: for a window (and an area of the model, or the repository), the scope
 * `computeMetricSet` takes; `null` without an area model, or for an area the model does not name (a label area).
 * Each window's facts are collected once, on first use.
 */
export function createOwnersScopes(
  activity: RepositoryActivity,
  model: AreaModel | null,
  paths: readonly string[] | null,
): (window: Window, area?: string) => OwnersScope | null {
  const facts = new Map<string, OwnersWindowFacts>();
  const names = new Set(model?.areas.map((area) => area.name) ?? []);
  return (window, area) => {
    if (!model || (area !== undefined && !names.has(area))) return null;
    const key = `${window.from.toISOString()}|${window.to.toISOString()}`;
    let windowFacts = facts.get(key);
    if (windowFacts === undefined) {
      windowFacts = collectOwnersWindowFacts(activity, window);
      facts.set(key, windowFacts);
    }
    return { model, paths, facts: windowFacts, ...(area === undefined ? {} : { area }) };
  };
}

export function collectOwnersWindowFacts(activity: RepositoryActivity, window: Window): OwnersWindowFacts {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const inWindow = (at: string | null) => at !== null && at >= from && at < to;
  const nowMs = window.to.getTime();
  const createdInWindow = activity.pullRequests.filter((pr) => inWindow(pr.createdAt));
  const mergedInWindow = activity.pullRequests.filter((pr) => inWindow(pr.mergedAt));
  const numbers = new Set([...createdInWindow, ...mergedInWindow].map((pr) => pr.number));
  const merged = new Set(mergedInWindow.map((pr) => pr.number));
  return {
    window,
    createdInWindow,
    mergedInWindow,
    files: activity.pullRequestFiles.filter((files) => numbers.has(files.prNumber)),
    reviews: activity.reviews.filter((review) => merged.has(review.prNumber)),
    activeLogins: knownActiveLogins(activity, window.to) ?? listActiveLogins(activity, nowMs - DEFAULT_STALE_DAYS * 86_400_000, nowMs),
    historySince: earliestActivity(activity),
  };
}

/** The logins active in the stale-owner look-back up to `end`, when the store listed them (it read only recent records). */
function knownActiveLogins(activity: RepositoryActivity, end: Date): Set<string> | undefined {
  const { from, to } = staleOwnerLookBack(end);
  const range = activity.history?.activeLogins.find((known) => known.from === from && known.to === to);
  return range && new Set(range.logins);
}

/** The four owners metrics of a scope over its window; `ignoreUsers` as the other metrics take them. */
export function computeOwnersMetrics(scope: OwnersScope, ignoreUsers: readonly string[]): OwnersMetrics {
  const { model, facts } = scope;
  const { window, historySince } = facts;
  const area = scope.area === undefined ? {} : { area: scope.area };
  return {
    owners_file_coverage: scope.paths ? computeOwnersFileCoverage({ model, paths: scope.paths, ...area }) : null,
    changed_files_coverage: computeChangedFilesCoverage({
      model,
      pullRequests: facts.createdInWindow,
      pullRequestFiles: facts.files,
      window,
      ignoreUsers,
      ...area,
    }),
    owner_review_coverage: computeOwnerReviewCoverage({
      model,
      pullRequests: facts.mergedInWindow,
      pullRequestFiles: facts.files,
      reviews: facts.reviews,
      window,
      ignoreUsers,
      ...area,
    }),
    stale_owners: computeStaleOwners({
      model,
      now: window.to,
      ignoreUsers,
      staleDays: DEFAULT_STALE_DAYS,
      activeLogins: facts.activeLogins,
      historySince,
      ...area,
    }),
  };
}

/** The earliest record the store holds: stale-owner silence before it cannot be told from missing history. */
function earliestActivity(activity: RepositoryActivity): Date | null {
  if (activity.history) return activity.history.earliestItemAt === null ? null : new Date(activity.history.earliestItemAt);
  let earliest: string | null = null;
  for (const pr of activity.pullRequests) if (earliest === null || pr.createdAt < earliest) earliest = pr.createdAt;
  for (const issue of activity.issues) if (earliest === null || issue.createdAt < earliest) earliest = issue.createdAt;
  return earliest === null ? null : new Date(earliest);
}
