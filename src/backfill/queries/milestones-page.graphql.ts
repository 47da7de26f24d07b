import { RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/**
 * 25 milestones, most recently updated first. GitHub's `open_issues` / `closed_issues` count issues and pull
 * requests, so both are counted (`totalCount` only: no `first`, which GitHub documents as 1–100). Each count is a nested connection, one request per
 * milestone: 1 + 4 × 25 = 101 requests → 1 point a page (100 a page would cost 4).
 */
export const MILESTONES_PAGE_QUERY = `query BackfillMilestones($owner: String!, $name: String!, $cursor: String) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    milestones(first: ${PAGE_SIZES.milestones}, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        number
        title
        state
        dueOn
        createdAt
        updatedAt
        closedAt
        openIssues: issues(states: [OPEN]) { totalCount }
        closedIssues: issues(states: [CLOSED]) { totalCount }
        openPullRequests: pullRequests(states: [OPEN]) { totalCount }
        closedPullRequests: pullRequests(states: [CLOSED, MERGED]) { totalCount }
      }
    }
  }
}`;
