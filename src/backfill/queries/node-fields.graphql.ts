import { ACTOR_SELECTION, connectionSelection, type NodeType } from './fragments.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/**
 * What the backfill reads of a pull request: its scalars, its head commit (`headRefOid`, to tell whether its stored
 * changed paths are still current) and the first 100 timeline items (comments, reviews, review requests, draft /
 * ready transitions, label, assignment and close events). One nested connection: one request per PR.
 * Labels are replayed from the timeline; files are fetched by follow-up queries, only for PRs whose head moved.
 * Ids are `fullDatabaseId` (64-bit, a string) wherever the schema offers it: `databaseId` is deprecated on PRs and reviews.
 */
export const PULL_REQUEST_FIELDS = `id
        fullDatabaseId
        number
        title
        author { ${ACTOR_SELECTION} }
        authorAssociation
        state
        isDraft
        createdAt
        updatedAt
        closedAt
        mergedAt
        mergedBy { ${ACTOR_SELECTION} }
        additions
        deletions
        changedFiles
        baseRefName
        headRefName
        headRefOid
        milestone { number }
        ${connectionSelection('pr-timeline', PAGE_SIZES.timeline)}`;

/**
 * What the backfill reads of an issue: its scalars and the first 100 timeline items (comments, close / reopen,
 * label, milestone and assignment events). One nested connection: one request per issue. Labels and assignees are
 * replayed from the timeline.
 */
export const ISSUE_FIELDS = `id
        fullDatabaseId
        number
        title
        author { ${ACTOR_SELECTION} }
        authorAssociation
        state
        createdAt
        updatedAt
        closedAt
        milestone { number }
        ${connectionSelection('issue-timeline', PAGE_SIZES.timeline)}`;

/** What the backfill reads of a release: its scalars and its first 30 asset names (one request per release). */
export const RELEASE_FIELDS = `id
        databaseId
        tagName
        name
        isDraft
        isPrerelease
        createdAt
        publishedAt
        ${connectionSelection('assets', PAGE_SIZES.assets)}`;

/** Each node type's fields, as a page query reads them and a resumed run fetches a held-back node again. */
export const NODE_FIELDS: Record<NodeType, string> = {
  PullRequest: PULL_REQUEST_FIELDS,
  Issue: ISSUE_FIELDS,
  Release: RELEASE_FIELDS,
};
