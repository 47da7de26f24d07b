import { ACTOR_SELECTION, connectionSelection, RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/**
 * 100 pull requests, most recently updated first, each with its labels, the first 100 timeline items (comments,
 * reviews, review requests, draft / ready transitions, label, assignment and close events) and the first 100 files.
 * Cost: 1 request for the page + 100 for each of the 3 nested connections = 301 → 3 points.
 */
export const PULL_REQUESTS_PAGE_QUERY = `query BackfillPullRequests($owner: String!, $name: String!, $cursor: String) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    pullRequests(first: ${PAGE_SIZES.items}, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        databaseId
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
        ${connectionSelection('labels', PAGE_SIZES.labels)}
        ${connectionSelection('pr-timeline', PAGE_SIZES.timeline)}
        ${connectionSelection('files', PAGE_SIZES.files)}
      }
    }
  }
}`;
