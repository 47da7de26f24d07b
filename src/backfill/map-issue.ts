import type { ContributorRecord, IssueRecord } from '../core/records.js';
import { toIso, toIsoOrNull } from '../core/time.js';
import type { IssueNode } from './graphql-types.js';
import { mapActorLogin, mapActorType } from './map-actor.js';
import { type MappedTimeline, mapTimelineItems } from './map-timeline-items.js';
import { replayAssignees, replayLabels } from './replay-labels-and-assignees.js';

export interface MappedIssue extends MappedTimeline {
  issue: IssueRecord;
}

/**
 * Maps an issue with its complete timeline to the webhook path's records. Labels and assignees are replayed from the
 * timeline's events (see {@link replayLabels}). `closedBy` stays `null` as in `issues.*` deliveries: the store
 * derives it from the actor of the `closed` event, which the timeline carries.
 */
export function mapIssue(repoId: number, node: IssueNode): MappedIssue {
  const timeline = mapTimelineItems(repoId, 'issue', node.number, node.timelineItems.nodes);
  const issue: IssueRecord = {
    repoId,
    id: Number(node.fullDatabaseId),
    number: node.number,
    title: node.title,
    author: mapActorLogin(node.author),
    authorType: mapActorType(node.author),
    authorAssociation: node.authorAssociation,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    createdAt: toIso(node.createdAt),
    updatedAt: toIso(node.updatedAt),
    closedAt: toIsoOrNull(node.closedAt),
    closedBy: null,
    labels: replayLabels(node.timelineItems.nodes),
    milestoneNumber: node.milestone?.number ?? null,
    assignees: replayAssignees(node.timelineItems.nodes),
  };
  const author: ContributorRecord = { repoId, login: issue.author, type: issue.authorType, firstSeenAt: issue.createdAt };
  return { ...timeline, contributors: [author, ...timeline.contributors], issue };
}
