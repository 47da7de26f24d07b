import type { Logger } from 'pino';
import type { AuthorFirstPullRequest, RepositoryActivity } from '../core/records.js';
import { type EarliestPullRequestSearch, searchEarliestPullRequest } from '../github/search-earliest-pull-request.js';
import { tellFirstPullRequest } from '../metrics/tell-first-pull-request.js';
import type { Window } from '../metrics/types.js';
import type { Store } from '../store/store.js';
import { metricHorizon } from '../metrics/metric-look-back.js';
import { loadReportActivity } from './load-report-activity.js';

/** Searches per report at most: GitHub allows 30 search requests a minute; the rest wait for the next report. */
export const MAX_FIRST_PULL_REQUEST_SEARCHES = 20;

export interface LookUpFirstPullRequestsInput {
  /** Reads the activity and keeps the answers of the searches. */
  store: Pick<Store, 'loadActivity' | 'saveAuthorFirstPullRequests'>;
  /** Searches GitHub for an author's earliest pull request. */
  octokit: EarliestPullRequestSearch;
  target: { installationId: number; repoId: number; owner: string; repo: string };
  window: Window;
  /** The area owners' logins, whose last activity the report may show ({@link loadReportActivity}). */
  owners?: readonly string[];
  now: Date;
  log: Pick<Logger, 'warn'>;
  maxSearches?: number;
  /** Searched first when undecided (the author of the PR being checked: the welcome depends on it). */
  firstAuthor?: string;
}

/**
 * The activity a report over `window` needs ({@link loadReportActivity}), after asking GitHub once for the earliest PR
 * of each author the stored history cannot tell about (their first stored PR opened since the report's horizon, no
 * gap-free numbering before it, no conclusive `author_association` at its opening). Answers are kept in the store,
 * so an author is searched for once; at most `maxSearches` a call (the others stay unknown, and the figures that
 * need them `null`, until a later report), `firstAuthor` first. A failed search is logged and not kept.
 */
export async function loadReportActivityWithFirstPullRequests(input: LookUpFirstPullRequestsInput): Promise<RepositoryActivity | undefined> {
  const { store, target } = input;
  const read = () => loadReportActivity(store, target.installationId, target.repoId, input.window, input.owners);
  const activity = await read();
  return activity && (await lookUpFirstPullRequests(input, activity)) ? read() : activity;
}

/**
 * Asks GitHub for the earliest PR of each author `activity`'s history cannot tell about (see
 * {@link loadReportActivityWithFirstPullRequests}) and keeps the answers in the store; `true` when it kept any (the
 * caller reads the activity again).
 */
export async function lookUpFirstPullRequests(
  input: Omit<LookUpFirstPullRequestsInput, 'store'> & { store: Pick<Store, 'saveAuthorFirstPullRequests'> },
  activity: RepositoryActivity,
): Promise<boolean> {
  const { store, target } = input;
  const history = activity.history;
  if (!history) return false;
  const horizon = metricHorizon(input.window).toISOString();
  const unknown = history.pullRequestAuthors.filter(
    (entry) =>
      entry.firstCreatedAt >= horizon &&
      !entry.author.endsWith('[bot]') &&
      tellFirstPullRequest(
        { number: entry.firstNumber, openedAssociation: entry.firstOpenedAssociation, searchedFirstNumber: entry.searchedFirstNumber },
        history.contiguousThrough ?? 0,
      ) === null &&
      entry.searchedFirstNumber === undefined,
  );
  const first = input.firstAuthor?.toLowerCase();
  if (first !== undefined) unknown.sort((a, b) => Number(b.author.toLowerCase() === first) - Number(a.author.toLowerCase() === first));
  const found: AuthorFirstPullRequest[] = [];
  for (const entry of unknown.slice(0, input.maxSearches ?? MAX_FIRST_PULL_REQUEST_SEARCHES)) {
    try {
      const firstNumber = await searchEarliestPullRequest(input.octokit, { owner: target.owner, repo: target.repo, author: entry.author });
      found.push({ author: entry.author, firstNumber, lookedUpAt: input.now.toISOString() });
    } catch (error) {
      input.log.warn({ err: error, author: entry.author }, 'could not search for an author’s earliest pull request');
      break;
    }
  }
  if (found.length === 0) return false;
  await store.saveAuthorFirstPullRequests(target.installationId, target.repoId, found);
  return true;
}
