import type { AreaModel } from '../areas/area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { resolveMetricOptions } from '../metrics/metric-options.js';
import type { Window } from '../metrics/types.js';
import type { ActivityItemKeys, ActivitySelection } from '../store/store.js';
import { selectAreaMembers } from './area-selection.js';
import { toMetricOptions } from './build-report.js';

const DAY_MS = 86_400_000;

export interface SelectPullRequestCheckItemsInput {
  /** The keys of the items the whole report reads (from its horizon). */
  keys: ActivityItemKeys;
  config: FallacyWatchConfig;
  window: Window;
  areaModel: AreaModel | null;
  /** The areas the pull request's files fall in. */
  touchedAreas: readonly string[];
  pullRequest: { number: number; author: string };
}

/**
 * Of the items a whole report reads, those one pull request's check run needs ({@link ActivitySelection}), and why:
 * - whole: every PR and issue of the touched areas (their metrics over both windows, their findings), every open PR
 *   (open review requests, workload of each area and the repository, reviewer loads), every PR updated since the
 *   window's start (the repository's latencies over the window), and the pull request itself (its reviews);
 * - for their reviewers only: the other PRs updated in the reviewer look-back (90 days: active reviewers of each area
 *   and the repository, reviews per reviewer), and the author's other PRs (a first contribution);
 * - the first PRs of the touched areas' authors (newcomer figures), and the activity of their owners (stale owners).
 * A PR not updated since a time has no review, comment or event since then (GitHub bumps `updated_at` on each), the
 * same premise the whole report's horizon rests on.
 */
export function selectPullRequestCheckItems(input: SelectPullRequestCheckItemsInput): ActivitySelection {
  const { keys, window } = input;
  const touched = new Set(input.touchedAreas);
  const areas = selectAreaMembers(keys, input.areaModel, input.config.areaLabelPrefixes).filter((area) => touched.has(area.name));
  const options = resolveMetricOptions(toMetricOptions(input.config, window));
  const windowStart = window.from.toISOString();
  const reviewedSince = new Date(window.to.getTime() - options.reviewerActivityDays * DAY_MS).toISOString();
  const author = input.pullRequest.author.toLowerCase();

  const inAreas = new Set<number>(areas.flatMap((area) => [...area.prNumbers]));
  const whole = new Set<number>(inAreas);
  const reviewed = new Set<number>();
  for (const pr of keys.pullRequests) {
    if (pr.state === 'open' || pr.updatedAt >= windowStart || pr.number === input.pullRequest.number) whole.add(pr.number);
    else if (pr.updatedAt >= reviewedSince || pr.author.toLowerCase() === author) reviewed.add(pr.number);
  }
  for (const number of whole) reviewed.delete(number);
  const owners = new Set<string>();
  for (const area of input.areaModel?.areas ?? []) {
    if (touched.has(area.name)) for (const owner of area.owners) owners.add(owner.toLowerCase());
  }
  return {
    pullRequests: [...whole].sort((a, b) => a - b),
    issues: [...new Set(areas.flatMap((area) => [...area.issueNumbers]))].sort((a, b) => a - b),
    reviewed: { pullRequests: [...reviewed].sort((a, b) => a - b), since: reviewedSince },
    // Whether a PR is its author's first matters to the touched areas' newcomer figures, and to the PR's own welcome.
    authors: [...new Set([...keys.pullRequests.filter((pr) => inAreas.has(pr.number)).map((pr) => pr.author), input.pullRequest.author])].sort(),
    logins: [...owners].sort(),
    lastActiveUntil: window.to.toISOString(),
  };
}
