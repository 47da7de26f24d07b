import type { MilestoneRecord } from '../core/records.js';
import { toIso, toIsoOrNull } from '../core/time.js';
import { decodeDatabaseId } from './decode-database-id.js';
import type { MilestoneNode } from './graphql-types.js';

/**
 * Maps a milestone to the webhook path's record. GraphQL has no `databaseId` for milestones, so the id is decoded
 * from the node id (`null` → an error: a record without GitHub's id would not converge with webhooks). Open and
 * closed counts add issues and pull requests, as GitHub's `open_issues` / `closed_issues` do.
 */
export function mapMilestone(repoId: number, node: MilestoneNode): MilestoneRecord {
  const id = decodeDatabaseId(node.id);
  if (id === null) throw new Error(`milestone ${node.number}: cannot read a database id from node id "${node.id}"`);
  return {
    repoId,
    id,
    number: node.number,
    title: node.title,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    dueOn: toIsoOrNull(node.dueOn),
    createdAt: toIso(node.createdAt),
    updatedAt: toIso(node.updatedAt),
    closedAt: toIsoOrNull(node.closedAt),
    openIssues: node.openIssues.totalCount + node.openPullRequests.totalCount,
    closedIssues: node.closedIssues.totalCount + node.closedPullRequests.totalCount,
  };
}
