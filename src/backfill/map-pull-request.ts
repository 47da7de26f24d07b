import type { ContributorRecord, PullRequestRecord } from '../core/records.js';
import { toIso, toIsoOrNull } from '../core/time.js';
import type { PullRequestNode, TimelineItemNode } from './graphql-types.js';
import { mapActorLogin, mapActorType } from './map-actor.js';
import { type MappedTimeline, mapTimelineItems } from './map-timeline-items.js';
import { replayLabels } from './replay-labels-and-assignees.js';

/** A PR's records, and its changed paths at its head commit for area mapping (`null` when not fetched). */
export interface MappedPullRequest extends MappedTimeline {
  pullRequest: PullRequestRecord;
  files: { prNumber: number; headSha: string; paths: string[] } | null;
}

/**
 * Maps a pull request whose timeline is complete (follow-up pages merged in) to the records the webhook
 * path keeps for the same facts. `state` `MERGED` is `closed`, a bot's login gets its `[bot]`, labels are replayed
 * from the timeline (see {@link replayLabels}) and sorted.
 * `openedAsDraft`: the first draft transition in the timeline is `ready_for_review`, or there is none and the PR is
 * a draft now — what `pull_request.opened` with `draft: true` records. Paths (when the files were fetched) are the
 * files' current paths (GraphQL does not give a renamed file's old path, which the REST file list adds).
 */
export function mapPullRequest(repoId: number, node: PullRequestNode): MappedPullRequest {
  const timeline = mapTimelineItems(repoId, 'pr', node.number, node.timelineItems.nodes);
  const pullRequest: PullRequestRecord = {
    repoId,
    id: Number(node.fullDatabaseId),
    number: node.number,
    title: node.title,
    author: mapActorLogin(node.author),
    authorType: mapActorType(node.author),
    authorAssociation: node.authorAssociation,
    // GraphQL gives today's association, not the one at opening: first-time contributors are not told from it.
    openedAuthorAssociation: null,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    draft: node.isDraft,
    openedAsDraft: wasOpenedAsDraft(node.isDraft, node.timelineItems.nodes),
    createdAt: toIso(node.createdAt),
    updatedAt: toIso(node.updatedAt),
    closedAt: toIsoOrNull(node.closedAt),
    mergedAt: toIsoOrNull(node.mergedAt),
    mergedBy: node.mergedBy ? mapActorLogin(node.mergedBy) : null,
    additions: node.additions,
    deletions: node.deletions,
    changedFiles: node.changedFiles,
    labels: replayLabels(node.timelineItems.nodes),
    milestoneNumber: node.milestone?.number ?? null,
    baseRef: node.baseRefName,
    headRef: node.headRefName,
    headSha: node.headRefOid,
  };
  const author: ContributorRecord = {
    repoId,
    login: pullRequest.author,
    type: pullRequest.authorType,
    firstSeenAt: pullRequest.createdAt,
  };
  const files = node.files
    ? { prNumber: node.number, headSha: node.headRefOid, paths: [...new Set(node.files.nodes.map((file) => file.path))] }
    : null;
  return { ...timeline, contributors: [author, ...timeline.contributors], pullRequest, files };
}

function wasOpenedAsDraft(isDraft: boolean, items: readonly TimelineItemNode[]): boolean {
  const first = items.find((item) => item.__typename === 'ReadyForReviewEvent' || item.__typename === 'ConvertToDraftEvent');
  return first ? first.__typename === 'ReadyForReviewEvent' : isDraft;
}
