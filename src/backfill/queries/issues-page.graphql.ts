import { RATE_LIMIT_SELECTION } from './fragments.graphql.js';
import { ISSUE_FIELDS } from './node-fields.graphql.js';
import { PAGE_SIZES } from './page-sizes.js';

/**
 * 100 issues updated at or after `$since`, most recently updated first, each with its first 100 timeline items (see
 * {@link ISSUE_FIELDS}). Cost: 1 + 100 = 101 → 1 point.
 */
export const ISSUES_PAGE_QUERY = `query BackfillIssues($owner: String!, $name: String!, $cursor: String, $since: DateTime!) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    issues(first: ${PAGE_SIZES.items}, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }, filterBy: { since: $since }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ${ISSUE_FIELDS}
      }
    }
  }
}`;
