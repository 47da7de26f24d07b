import { RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { PULL_REQUEST_FIELDS } from './node-fields.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/**
 * 100 pull requests, most recently updated first, each with its first 100 timeline items (see
 * {@link PULL_REQUEST_FIELDS}). Cost: 1 request for the page + 100 for the timelines = 101 → 1 point.
 */
export const PULL_REQUESTS_PAGE_QUERY = `query BackfillPullRequests($owner: String!, $name: String!, $cursor: String) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    pullRequests(first: ${PAGE_SIZES.items}, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ${PULL_REQUEST_FIELDS}
      }
    }
  }
}`;
