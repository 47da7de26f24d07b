import { RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { RELEASE_FIELDS } from './node-fields.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/** 100 releases, newest first, with their first 30 asset names. Cost: 1 + 100 = 101 → 1 point. */
export const RELEASES_PAGE_QUERY = `query BackfillReleases($owner: String!, $name: String!, $cursor: String) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    releases(first: ${PAGE_SIZES.items}, after: $cursor, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ${RELEASE_FIELDS}
      }
    }
  }
}`;
