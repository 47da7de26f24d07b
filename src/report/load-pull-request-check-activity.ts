import type { Logger } from 'pino';
import type { RepositoryActivity } from '../core/records.js';
import type { EarliestPullRequestSearch } from '../github/search-earliest-pull-request.js';
import { METRIC_EVENT_KINDS } from '../metrics/index-activity.js';
import { reportHistoryQuestions } from '../metrics/history-definitions.js';
import type { Window } from '../metrics/types.js';
import type { ActivityItemKeys, ActivitySelection, Store } from '../store/store.js';
import { metricHorizon, staleOwnerRanges } from '../metrics/metric-look-back.js';
import { lookUpFirstPullRequests } from './look-up-first-pull-requests.js';

/** What reading a check run's activity asks of the store. */
export type PullRequestCheckActivityReads = Pick<Store, 'loadActivityItemKeys' | 'loadActivity' | 'saveAuthorFirstPullRequests'>;

export interface LoadPullRequestCheckActivityInput {
  store: PullRequestCheckActivityReads;
  octokit: EarliestPullRequestSearch;
  target: { installationId: number; repoId: number; owner: string; repo: string };
  window: Window;
  now: Date;
  log: Pick<Logger, 'warn'>;
  /** The author whose first PR is searched first (the PR's own: its welcome and newcomer figures depend on it). */
  firstAuthor?: string;
  /** Chooses, from the keys of what the whole report would read, what the check run reads. */
  select: (keys: ActivityItemKeys) => ActivitySelection;
}

/**
 * The part of a whole report's activity one pull request's check run needs: the keys of the items the report would
 * read from its horizon, then just the items `select` keeps, with the history they need. Authors whose first PR the
 * history cannot tell are searched for on GitHub first, as for a report (only those of the items read).
 */
export async function loadPullRequestCheckActivity(input: LoadPullRequestCheckActivityInput): Promise<RepositoryActivity | undefined> {
  const { store, target, window } = input;
  const keys = await store.loadActivityItemKeys(target.installationId, target.repoId, metricHorizon(window).toISOString());
  if (!keys) return undefined;
  const only = input.select(keys);
  const read = () =>
    store.loadActivity(target.installationId, target.repoId, {
      since: metricHorizon(window).toISOString(),
      eventKinds: METRIC_EVENT_KINDS,
      history: reportHistoryQuestions(staleOwnerRanges(window)),
      only,
    });
  const activity = await read();
  return activity && (await lookUpFirstPullRequests(input, activity)) ? read() : activity;
}
