import { RATE_LIMIT_SELECTION } from './fragments.graphql.js';

/** The repository's identity and default-branch head (1 point): its record, and the commit area sources are read at. */
export const REPOSITORY_QUERY = `query BackfillRepository($owner: String!, $name: String!) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    databaseId
    nameWithOwner
    isPrivate
    isArchived
    isFork
    defaultBranchRef { name target { oid } }
  }
}`;
