import { ACTOR_SELECTION, connectionSelection, RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/**
 * 100 issues updated at or after `$since`, most recently updated first, each with labels, assignees and the first 100
 * timeline items (comments, close / reopen, label, milestone and assignment events).
 * Cost: 1 + 3 × 100 = 301 → 3 points.
 */
export const ISSUES_PAGE_QUERY = `query BackfillIssues($owner: String!, $name: String!, $cursor: String, $since: DateTime!) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    issues(first: ${PAGE_SIZES.items}, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }, filterBy: { since: $since }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        databaseId
        number
        title
        author { ${ACTOR_SELECTION} }
        authorAssociation
        state
        createdAt
        updatedAt
        closedAt
        milestone { number }
        ${connectionSelection('labels', PAGE_SIZES.labels)}
        ${connectionSelection('assignees', PAGE_SIZES.assignees)}
        ${connectionSelection('issue-timeline', PAGE_SIZES.timeline)}
      }
    }
  }
}`;
