import type { AreaModel } from '../areas/area-model.js';
import type { PullRequestFilesRecord, PullRequestRecord, ReviewRecord } from '../core/records.js';
import { isBot } from '../core/is-bot.js';
import { filesByPullRequest, reviewsByPullRequest } from './group-by-pull-request.js';
import { parseTimestamp } from './parse-timestamp.js';

export interface OwnerReviewCoverageInput {
  model: Pick<AreaModel, 'areas' | 'areasOf' | 'ownersOf'>;
  pullRequests: readonly PullRequestRecord[];
  pullRequestFiles: readonly PullRequestFilesRecord[];
  reviews: readonly ReviewRecord[];
  window: { from: Date; to: Date };
  /** Restrict to PRs touching one area, reviewed by that area's owners; omit for the repository. */
  area?: string;
  ignoreUsers?: readonly string[];
  /**
   * Members of team owners (`org/team` → logins), where known. fallacy-watch requests no members permission, so this
   * is usually absent and teams stay opaque units.
   */
  teamMembers?: ReadonlyMap<string, readonly string[]>;
}

/**
 * `owner_review_coverage`: the share (0–1) of PRs merged in `[from, to)` that got a review, before the merge, from
 * an owner of an area the PR touches (the touched areas' owners plus each changed file's own owners; a PR touching
 * only unowned files counts as not covered). A review is any submitted state but `PENDING` (a later-dismissed review
 * still happened) by a human who is not the author. Bot-authored PRs and PRs without recorded files are left out.
 * A PR that no known user owner reviewed but that has a team owner whose members are unknown cannot be judged and is
 * left out too. `null` when no PR is left.
 */
export function computeOwnerReviewCoverage(input: OwnerReviewCoverageInput): number | null {
  const { model, area } = input;
  const fromMs = input.window.from.getTime();
  const toMs = input.window.to.getTime();
  const ignore = new Set((input.ignoreUsers ?? []).map((login) => login.toLowerCase()));
  const filesByPr = filesByPullRequest(input.pullRequestFiles);
  const areaOwners = new Map(model.areas.map((a) => [a.name, a.owners]));
  const reviewsByPr = reviewsByPullRequest(input.reviews);

  let judged = 0;
  let covered = 0;
  for (const pr of input.pullRequests) {
    if (pr.mergedAt === null) continue;
    const mergedMs = parseTimestamp(pr.mergedAt);
    if (mergedMs < fromMs || mergedMs >= toMs || isBot(pr.author, pr.authorType, ignore)) continue;
    const files = filesByPr.get(pr.number);
    if (!files) continue;

    const owners = new Set<string>();
    let touchesArea = area === undefined;
    for (const path of files) {
      const areas = model.areasOf(path);
      if (area !== undefined && !areas.includes(area)) continue;
      touchesArea = true;
      for (const name of area === undefined ? areas : [area]) for (const owner of areaOwners.get(name) ?? []) owners.add(owner);
      for (const owner of model.ownersOf(path)) owners.add(owner);
    }
    if (!touchesArea) continue;

    const { users, unknownTeams } = expandOwners(owners, input.teamMembers);
    const reviewers = new Set(
      (reviewsByPr.get(pr.number) ?? [])
        .filter((review) => review.state !== 'PENDING' && review.submittedAt !== null && parseTimestamp(review.submittedAt) <= mergedMs)
        .filter((review) => review.author.toLowerCase() !== pr.author.toLowerCase() && !isBot(review.author, review.authorType, ignore))
        .map((review) => review.author.toLowerCase()),
    );
    const reviewedByOwner = [...reviewers].some((login) => users.has(login));
    if (!reviewedByOwner && unknownTeams) continue;
    judged += 1;
    if (reviewedByOwner) covered += 1;
  }
  return judged === 0 ? null : covered / judged;
}

/** User owners (lower-case logins), teams expanded where members are known; emails cannot be matched to logins. */
function expandOwners(owners: Iterable<string>, teamMembers: ReadonlyMap<string, readonly string[]> | undefined) {
  const users = new Set<string>();
  let unknownTeams = false;
  for (const owner of owners) {
    if (owner.includes('@')) continue;
    if (!owner.includes('/')) users.add(owner.toLowerCase());
    else {
      const members = teamMembers?.get(owner.toLowerCase());
      if (members) for (const member of members) users.add(member.toLowerCase());
      else unknownTeams = true;
    }
  }
  return { users, unknownTeams };
}
