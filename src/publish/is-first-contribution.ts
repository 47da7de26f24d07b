import type { IssueRecord, PullRequestRecord, RepositoryHistory } from '../core/records.js';
import { countsTowardsFirstPullRequests } from '../metrics/history-definitions.js';
import { countContiguousNumbers, tellFirstPullRequest } from '../metrics/tell-first-pull-request.js';

/** What the rule reads of a repository's activity. */
export interface FirstContributionActivity {
  pullRequests: readonly Pick<PullRequestRecord, 'number' | 'author' | 'createdAt' | 'openedAuthorAssociation' | 'draft'>[];
  issues: readonly Pick<IssueRecord, 'number'>[];
  history?: Pick<RepositoryHistory, 'pullRequestAuthors' | 'contiguousThrough'> | undefined;
}

/**
 * Whether a pull request is its author's first in the repository, by the rule the metrics use
 * ({@link tellFirstPullRequest}, docs/fallacies.md "Whose first PR is it"): not when the store holds an earlier PR by
 * the same author (logins without case); else yes only when the history can tell — every item numbered before it is
 * stored, or GitHub's search for the author's earliest PR (kept in the store) names this one. `CONTRIBUTOR` at its
 * opening (the stored `opened` value, else the event's) rules it out. `FIRST_TIME_CONTRIBUTOR`/`FIRST_TIMER` decide
 * nothing (no earlier *commit*; an earlier PR closed unmerged is possible), nor do `MEMBER`, `OWNER`, `COLLABORATOR`
 * (a role, not a past). When nothing tells, the welcome is not given: the comment claims no more than the figures.
 */
export function isFirstContribution(
  pull: { number: number; author: string; authorAssociation: string },
  activity: FirstContributionActivity,
): boolean {
  const author = pull.author.toLowerCase();
  const own = activity.pullRequests.find((pr) => pr.number === pull.number);
  const earlierStored = activity.pullRequests.some(
    (pr) =>
      pr.number !== pull.number &&
      pr.author.toLowerCase() === author &&
      countsTowardsFirstPullRequests(pr) &&
      (own === undefined || pr.createdAt < own.createdAt || (pr.createdAt === own.createdAt && pr.number < pull.number)),
  );
  if (earlierStored) return false;
  const entry = activity.history?.pullRequestAuthors.find((candidate) => candidate.author.toLowerCase() === author);
  if (entry !== undefined && entry.firstNumber !== pull.number) return entry.firstNumber > pull.number && tell(entry, pull, own, activity);
  if (entry?.firstIsFirst !== undefined) return entry.firstIsFirst === true;
  return tell(entry, pull, own, activity);
}

function tell(
  entry: { searchedFirstNumber?: number | null | undefined } | undefined,
  pull: { number: number; authorAssociation: string },
  own: { openedAuthorAssociation?: string | null | undefined } | undefined,
  activity: FirstContributionActivity,
): boolean {
  const contiguousThrough = activity.history
    ? (activity.history.contiguousThrough ?? 0)
    : countContiguousNumbers([...activity.pullRequests.map((pr) => pr.number), ...activity.issues.map((issue) => issue.number)]);
  const verdict = tellFirstPullRequest(
    { number: pull.number, openedAssociation: own?.openedAuthorAssociation ?? pull.authorAssociation, searchedFirstNumber: entry?.searchedFirstNumber },
    contiguousThrough,
  );
  return verdict === true;
}
